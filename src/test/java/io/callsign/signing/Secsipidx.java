package io.callsign.signing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code secsipidx} tool (v1.2): one-shot commands, or its HTTP server on a loopback port. */
final class Secsipidx {

    /** The executable found on PATH (Debian package secsipidx), or null when it is not installed. */
    static final String BINARY = onPath("secsipidx");

    private Secsipidx() {
    }

    /** Runs {@code secsipidx args...} to completion (30 s at most); stdout and stderr merged. */
    static Process run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("secsipidx " + command + " did not finish in 30 s");
        }
        return process;
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static String output(Process finished) throws IOException {
        return new String(finished.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * {@code secsipidx -H 127.0.0.1:port}, verifying with certificates it fetches from each x5u. Go's
     * TLS client reads {@code SSL_CERT_FILE}, so the lab root is the only HTTPS trust it has; the same
     * root is the CA file the chain must lead to (-cert-verify 5: validity time + CA file).
     */
    static final class Server implements AutoCloseable {

        private final Process process;
        private final URI check;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Server(Process process, int port) {
            this.process = process;
            this.check = URI.create("http://127.0.0.1:" + port + "/v1/check");
        }

        static Server start(Path rootPem, Path logDir) throws IOException, InterruptedException {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(BINARY, "-H", "127.0.0.1:" + port, "-ca-file", rootPem.toString(),
                    "-cert-verify", "5", "-expire", "300", "-timeout", "5")
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("secsipidx-server.log").toFile());
            builder.environment().put("SSL_CERT_FILE", rootPem.toString());
            Server server = new Server(builder.start(), port);
            server.awaitListening(port);
            return server;
        }

        /** POST /v1/check: "OK" when the header verifies, "FAILED" otherwise. */
        String check(String identity) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString(identity)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().strip();
        }

        private void awaitListening(int port) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            close();
            throw new AssertionError("secsipidx -H 127.0.0.1:" + port + " did not start listening");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
