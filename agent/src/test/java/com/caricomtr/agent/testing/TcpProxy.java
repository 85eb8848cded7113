package com.caricomtr.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP forwarder on a free loopback port, to make a server (the test database, the sandbox) go away and come back
 * while its clients keep running:
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.inFrontOf(db.jdbcUrl())) {
 *     String url = proxy.jdbcUrl(db.jdbcUrl());   // give this URL to the agent
 *     ...
 *     proxy.cut();      // every open connection is closed, new ones are refused
 *     Thread.sleep(5_000);
 *     proxy.restore();  // new connections go through again
 * }
 * }</pre>
 *
 * <p>A cut closes both ends of every forwarded connection, as a database restart does: a client in the middle of a
 * statement gets an I/O error at once. While cut, a new connection is accepted and closed at once, so clients fail
 * fast (like "connection refused") and the port stays this proxy's. Connections opened after {@link #restore()} are
 * forwarded again; the ones cut stay closed. Bytes are copied unchanged, one virtual thread per direction.
 */
public final class TcpProxy implements AutoCloseable {
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:[a-z]+://)([^/:?]+)(?::(\\d+))?(.*)");

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object cutLock = new Object();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-proxy-" + port()).start(this::accept);
    }

    /** Forwards to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forwards to the server of a JDBC URL ({@code jdbc:mariadb://host:port/db...}; port 3306 when absent). */
    public static TcpProxy inFrontOf(String jdbcUrl) {
        Matcher url = parse(jdbcUrl);
        return to(url.group(2), url.group(3) == null ? 3306 : Integer.parseInt(url.group(3)));
    }

    /** The loopback port to connect to instead of the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The same JDBC URL (database, parameters) with the server replaced by this proxy. */
    public String jdbcUrl(String jdbcUrl) {
        Matcher url = parse(jdbcUrl);
        return url.group(1) + "127.0.0.1:" + port() + url.group(4);
    }

    /** Closes every forwarded connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        List<Socket> toClose;
        synchronized (cutLock) {
            cut = true;
            toClose = List.copyOf(open);
            open.removeAll(toClose);
        }
        toClose.forEach(TcpProxy::closeQuietly);
    }

    /** Forwards new connections again. */
    public void restore() {
        synchronized (cutLock) {
            cut = false;
        }
    }

    public boolean isCut() {
        return cut;
    }

    /** Forwarded connections open now (each counted once, not per end). */
    public int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(TcpProxy::closeQuietly);
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Thread.ofVirtual().start(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            // Database protocols are small request/answer exchanges: Nagle's delay would add up to 40 ms to each.
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        synchronized (cutLock) {
            // A connection that arrived while cut() ran must not slip through it.
            if (cut || closed) {
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        Thread.ofVirtual().start(() -> copy(server, client));
        copy(client, server);
    }

    /** Copies until either side ends, then closes both: a half-closed database connection is of no use. */
    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // The other direction, a cut or the peer ended the connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static Matcher parse(String jdbcUrl) {
        Matcher url = JDBC_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:<driver>://host[:port]/... URL: " + jdbcUrl);
        }
        return url;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing what is closed or broken already.
        }
    }
}
