package com.caricomtr.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy forwards, cuts every connection and refuses new ones, then forwards again. */
class TcpProxyTest {
    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // the test closed it
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsCutsAndRestores() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "one")).isEqualTo("one");
            assertThat(proxy.openConnections()).isEqualTo(1);

            proxy.cut();
            assertThat(proxy.isCut()).isTrue();
            assertThat(endOrError(before.getInputStream())).as("a cut connection ends").isTrue();
            try (Socket during = connect()) {
                assertThat(endOrError(during.getInputStream())).as("a new connection is refused").isTrue();
            }
            assertThat(proxy.openConnections()).isZero();

            proxy.restore();
            try (Socket after = connect()) {
                assertThat(roundTrip(after, "two")).isEqualTo("two");
            }
        }
    }

    @Test
    void rewritesJdbcUrlsToPointAtItself() {
        try (TcpProxy db = TcpProxy.inFrontOf("jdbc:mariadb://127.0.0.1:" + echo.getLocalPort() + "/shop?a=b")) {
            assertThat(db.jdbcUrl("jdbc:mariadb://127.0.0.1:3306/shop?a=b"))
                    .isEqualTo("jdbc:mariadb://127.0.0.1:" + db.port() + "/shop?a=b");
            assertThat(db.jdbcUrl("jdbc:mysql://db.internal/wordpress"))
                    .isEqualTo("jdbc:mysql://127.0.0.1:" + db.port() + "/wordpress");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        return new String(socket.getInputStream().readNBytes(bytes.length), StandardCharsets.UTF_8);
    }

    private static boolean endOrError(InputStream in) {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
