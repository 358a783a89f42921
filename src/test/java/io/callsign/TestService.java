package io.callsign;

import io.callsign.config.SettingsLoader;
import io.callsign.database.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Callsign on a random loopback port over a fresh test database, for tests that speak HTTP to
 * it. Extra settings are given exactly as an operator would give them. Unless the test sets
 * {@code CALLSIGN_DATA_DIR}, the data directory (lab credentials) is a fresh temporary one, removed on close.
 */
public final class TestService implements AutoCloseable {

    private final TestDatabase.Db db;
    private final Callsign service;
    private Path temporaryDataDir;
    private boolean ownsDatabase = true;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestService(TestDatabase.Db db, Callsign service) {
        this.db = db;
        this.service = service;
    }

    public static TestService start(Map<String, String> settings) {
        TestDatabase.Db db = TestDatabase.create();
        try {
            return startOn(db, settings);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * A service on {@code db}, which the caller keeps and closes: several instances sharing one
     * database, or a restart on the same data.
     */
    public static TestService startShared(TestDatabase.Db db, Map<String, String> settings) {
        TestService started = startOn(db, settings);
        started.ownsDatabase = false;
        return started;
    }

    private static TestService startOn(TestDatabase.Db db, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("CALLSIGN_LISTEN", "127.0.0.1:0");
        env.put("CALLSIGN_TLS_LISTEN", "off");
        env.put("CALLSIGN_SHUTDOWN_GRACE_SECONDS", "5");
        env.put("CALLSIGN_DB_URL", db.url());
        env.put("CALLSIGN_DB_USER", db.user());
        env.put("CALLSIGN_DB_PASSWORD", db.password());
        Path temporary = settings.containsKey("CALLSIGN_DATA_DIR") ? null : temporaryDirectory();
        if (temporary != null) {
            env.put("CALLSIGN_DATA_DIR", temporary.toString());
        }
        env.putAll(settings);
        TestService started = new TestService(db, Callsign.start(SettingsLoader.load(env).settings()));
        started.temporaryDataDir = temporary;
        return started;
    }

    public static TestService start() {
        return start(Map.of());
    }

    public TestDatabase.Db database() {
        return db;
    }

    public Callsign service() {
        return service;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        if (ownsDatabase) {
            db.close();
        }
        if (temporaryDataDir != null) {
            try (Stream<Path> files = Files.walk(temporaryDataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("callsign-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
