package io.callsign.acme;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the real pebble ACME test server (Debian package {@code pebble}) on 127.0.0.1 with free ports
 * and its own TLS certificate. Fails loudly when pebble is not installed: CI installs it.
 */
public final class PebbleServer implements AutoCloseable {

    private final Path dir;
    private final TestPki.Tls tls;
    private final Path caFile;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Process process;

    private PebbleServer(Path dir) throws Exception {
        this.dir = dir;
        this.tls = TestPki.localhostTls();
        this.caFile = tls.writeCertificate(dir.resolve("pebble-tls-ca.pem"));
        this.port = freePort();
        this.managementPort = freePort();
        this.log = dir.resolve("pebble.log");
    }

    /** Starts pebble with {@code env} added to PEBBLE_VA_ALWAYS_VALID=1 etc.; {@code extra} joins the config. */
    public static PebbleServer start(Path dir, Map<String, String> env, Map<String, Object> extra) throws Exception {
        PebbleServer pebble = new PebbleServer(dir);
        pebble.launch(env, extra);
        return pebble;
    }

    public static PebbleServer start(Path dir) throws Exception {
        return start(dir, Map.of(), Map.of());
    }

    public URI directory() {
        return URI.create("https://127.0.0.1:" + port + "/dir");
    }

    /** The PEM that makes our HTTP clients trust pebble's TLS (CALLSIGN_ACME_CA_FILE). */
    public Path caFile() {
        return caFile;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Pebble's issuing root, from its management interface. */
    public String root() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustedTls.context(caFile)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + managementPort + "/roots/0"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void launch(Map<String, String> env, Map<String, Object> extra) throws Exception {
        tls.writeKey(dir.resolve("pebble-tls-key.pem"));
        Map<String, Object> config = new LinkedHashMap<>(Map.of(
                "listenAddress", "127.0.0.1:" + port,
                "managementListenAddress", "127.0.0.1:" + managementPort,
                "certificate", dir.resolve("pebble-tls-ca.pem").toString(),
                "privateKey", dir.resolve("pebble-tls-key.pem").toString(),
                "httpPort", freePort(), "tlsPort", freePort(), "ocspResponderURL", "",
                "externalAccountBindingRequired", false));
        config.putAll(extra);
        Path configFile = dir.resolve("pebble-config.json");
        new ObjectMapper().writeValue(configFile.toFile(), Map.of("pebble", config));
        ProcessBuilder builder = new ProcessBuilder("pebble", "-config", configFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("PEBBLE_VA_ALWAYS_VALID", "1", "PEBBLE_VA_NOSLEEP", "1",
                "PEBBLE_WFE_NONCEREJECT", "0"));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("pebble is not installed or not on PATH (Debian: apt-get install -y pebble): " + e.getMessage());
        }
        awaitDirectory();
    }

    private void awaitDirectory() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustedTls.context(caFile))
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("pebble exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(directory()).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail("pebble did not answer at " + directory() + " within 30 s:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
