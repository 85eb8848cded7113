package com.caricomtr.agent.wordpress;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A site served by PHP's built-in web server ({@code php -S 127.0.0.1:PORT -t DOCROOT}) with
 * {@code PHP_CLI_SERVER_WORKERS} workers, so that a page and the requests it makes (admin-ajax, REST) are served
 * side by side.
 */
final class PhpServer implements AutoCloseable {
    private final Process process;
    private final String url;
    private final Path log;

    private PhpServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Starts the server and waits until {@code probePath} answers. */
    static PhpServer start(Path docroot, int port, int workers, Path log, String probePath)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("php", "-S", "127.0.0.1:" + port, "-t", docroot.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PHP_CLI_SERVER_WORKERS", Integer.toString(workers)));
        Process process = builder.start();
        PhpServer server = new PhpServer(process, "http://127.0.0.1:" + port, log);
        try {
            server.awaitAnswer(probePath, Duration.ofSeconds(60));
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String url() {
        return url;
    }

    Path log() {
        return log;
    }

    private void awaitAnswer(String path, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("php -S exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url + path).toURL().openConnection();
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(30_000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
                throw new IllegalStateException(url + path + " answered " + status + "; server log " + log);
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException(url + path + " did not answer within " + timeout, last);
    }

    @Override
    public void close() throws InterruptedException {
        Exec.stop(process);
    }
}
