package io.callsign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a random port: health, metrics, error shape, limits, start-up failures. */
class ServiceIT {

    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_MAX_BODY_BYTES", "2048"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void isLiveAndReadyWithTheDatabaseReachable() {
        assertThat(service.get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = service.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\":{\"status\":\"UP\"");
    }

    @Test
    void servesPrometheusText() {
        HttpResponse<String> metrics = service.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void answersUnknownPathsWithProblemJson() {
        HttpResponse<String> response = service.get("/v1/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":404").contains("/v1/nothing-here");
    }

    @Test
    void answersWrongMethodsWith405ProblemJson() {
        HttpResponse<String> response = service.postJson("/health/live", "{}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("POST is not supported on /health/live");
    }

    @Test
    void exitsWithCode2AndOneReportOnBadSettings() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Callsign.run(new String[] {"serve"}, Map.of("CALLSIGN_LISTEN", "nowhere", "SBC_STIR_ATTESTATION", "Z"));
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("2 setting problem(s)")
                .contains("CALLSIGN_LISTEN='nowhere'")
                .contains("SBC_STIR_ATTESTATION='Z'");
    }

    @Test
    void aTakenPortStopsStartUpWithOneLineAndLeavesNoDatabaseRunning(@TempDir Path dataDir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = Callsign.run(new String[] {"serve"}, Map.of("CALLSIGN_DATA_DIR", dataDir.toString(),
                        "CALLSIGN_LISTEN", "127.0.0.1:" + taken.getLocalPort(), "CALLSIGN_TLS_LISTEN", "off"));
            } finally {
                System.setErr(original);
            }
            String report = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(1);
            assertThat(report).contains("Callsign cannot start: cannot listen on http://127.0.0.1:" + taken.getLocalPort()
                    + " (CALLSIGN_LISTEN)").contains("choose another address").doesNotContain("\tat ");
        }
        // The embedded PostgreSQL started before the listener failed was stopped, not orphaned.
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        try (Callsign again = Callsign.start(io.callsign.config.SettingsLoader.load(Map.of(
                "CALLSIGN_DATA_DIR", dataDir.toString(), "CALLSIGN_LISTEN", "127.0.0.1:0", "CALLSIGN_TLS_LISTEN", "off"))
                .settings())) {
            assertThat(again.database().isReachable(java.time.Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void embeddedDatabaseKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of(
                "CALLSIGN_DATA_DIR", dataDir.toString(),
                "CALLSIGN_LISTEN", "127.0.0.1:0",
                "CALLSIGN_TLS_LISTEN", "off");
        try (Callsign first = Callsign.start(io.callsign.config.SettingsLoader.load(env).settings())) {
            try (Connection c = first.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO subscribers (id, name) VALUES ('acct-restart', 'survives')");
            }
        }
        try (Callsign second = Callsign.start(io.callsign.config.SettingsLoader.load(env).settings());
                Connection c = second.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name FROM subscribers WHERE id = 'acct-restart'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("survives");
        }
    }
}
