package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import io.callsign.database.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The call path never waits for PostgreSQL: with the service's database refusing connections, sign
 * requests still get the attestation of the last snapshot, quickly, while {@code /health/ready}
 * reports the database down. When the database is back, readiness and provisioning recover.
 */
class DatabaseOutageIT {

    private static final String ALICE = json("from", "tel:+15145559876", "to", "tel:+15145551234",
            "authUser", "alice@ims.local");

    @Test
    void signsFromTheSnapshotWhileTheDatabaseIsUnreachable() throws Exception {
        try (TestService service = TestService.start(Map.of("CALLSIGN_SNAPSHOT_MAX_BACKOFF_SECONDS", "2"))) {
            SignClient client = new SignClient(service);
            client.sql("INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true)",
                    "INSERT INTO subscriber_users (sip_user, subscriber_id) VALUES ('alice@ims.local', 'acct-42')",
                    "INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true)");
            assertThat(client.poll(ALICE, r -> "A".equals(r.path("attest").asText()), Duration.ofSeconds(10)).response()
                    .path("attest").asText()).isEqualTo("A");
            Outage outage = new Outage(service.database());
            try {
                outage.begin();
                assertSignsQuicklyWithA(client);
                HttpResponse<String> ready = awaitReadiness(service, 503, Duration.ofSeconds(30));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(SignClient.parse(ready.body()).path("components").path("database").path("status").asText())
                        .isEqualTo("DOWN");
                assertSignsQuicklyWithA(client);
            } finally {
                outage.end();
            }
            assertThat(awaitReadiness(service, 200, Duration.ofSeconds(30)).statusCode()).isEqualTo(200);
            // Provisioning flows again: a change made after the outage reaches signing.
            client.sql("UPDATE telephone_numbers SET verified = false WHERE tn = '15145559876'");
            assertThat(client.poll(ALICE, r -> "B".equals(r.path("attest").asText()), Duration.ofSeconds(20)).response()
                    .path("attest").asText()).isEqualTo("B");
        }
    }

    private static void assertSignsQuicklyWithA(SignClient client) {
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            JsonNode response = client.sign(ALICE);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(response.path("attest").asText()).isEqualTo("A");
            assertThat(response.path("identity").isTextual()).isTrue();
            // A database wait would take the pool's 5 s connection timeout; generous for a loaded machine.
            assertThat(took).isLessThan(Duration.ofSeconds(2));
        }
    }

    private static HttpResponse<String> awaitReadiness(TestService service, int status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> ready = service.get("/health/ready");
        while (ready.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ready = service.get("/health/ready");
        }
        return ready;
    }

    /**
     * Makes one database unreachable without stopping the shared server: refuse new connections to
     * it and end the ones it has, from an administrative connection to the server's {@code postgres}
     * database.
     */
    private record Outage(TestDatabase.Db db) {

        void begin() throws SQLException {
            String name = databaseName();
            try (Connection admin = admin(); Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "' AND pid <> pg_backend_pid()");
            }
        }

        void end() throws SQLException {
            try (Connection admin = admin(); Statement s = admin.createStatement()) {
                s.execute("ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS true");
            }
        }

        private Connection admin() throws SQLException {
            return DriverManager.getConnection(urlFor("postgres"), db.user(), db.password());
        }

        /** jdbc:postgresql://host:port/NAME?params: the NAME segment. */
        private String databaseName() {
            String url = db.url();
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?', slash);
            String name = url.substring(slash + 1, query < 0 ? url.length() : query);
            assertThat(name).matches("[a-z0-9_]+");
            return name;
        }

        private String urlFor(String database) {
            String url = db.url();
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?', slash);
            return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
        }
    }
}
