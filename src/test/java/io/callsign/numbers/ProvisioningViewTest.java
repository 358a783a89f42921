package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.database.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The live view against real PostgreSQL: every SQL change shows within a second, bulk imports show,
 * and a lost database leaves the last snapshot serving until it returns.
 */
class ProvisioningViewTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private TestDatabase.Db db;
    private ProvisioningView view;

    @BeforeEach
    void provision() {
        db = TestDatabase.create();
        exec("INSERT INTO subscribers (id, verified) VALUES ('acct-42', true)");
        exec("INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true),"
                + " ('15145559877', 'acct-42', true)");
    }

    @AfterEach
    void close() {
        if (view != null) {
            view.close();
        }
        db.close();
    }

    @Test
    void showsSqlUpdatesAndDeletesWithinOneSecondByPatching() throws Exception {
        // a poll interval far above one second: only LISTEN/NOTIFY can deliver in time
        start(ProvisioningViewConfig.defaults().withPollInterval(Duration.ofSeconds(30)));
        Instant loadedAt = view.status().lastFullLoad();
        exec("UPDATE telephone_numbers SET verified = false WHERE tn = '15145559876'");
        await(ONE_SECOND, () -> !view.snapshot().number("15145559876").orElseThrow().verified());
        exec("DELETE FROM telephone_numbers WHERE tn = '15145559877'");
        await(ONE_SECOND, () -> view.snapshot().number("15145559877").isEmpty());
        exec("UPDATE subscribers SET verified = false");
        await(ONE_SECOND, () -> !view.snapshot().subscriber("acct-42").orElseThrow().verified());
        assertThat(view.status().lastFullLoad()).as("patched, not reloaded").isEqualTo(loadedAt);
        assertThat(view.status().numbers()).isEqualTo(1);
    }

    @Test
    void seesTransactionsThatCommitOutOfOrder() throws Exception {
        start(ProvisioningViewConfig.defaults().withPollInterval(Duration.ofSeconds(30)));
        try (Connection slow = db.dataSource().getConnection(); Statement st = slow.createStatement()) {
            slow.setAutoCommit(false);
            st.execute("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('1111', 'acct-42')"); // takes a seq first
            exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('2222', 'acct-42')"); // commits first
            await(ONE_SECOND, () -> view.snapshot().number("2222").isPresent());
            assertThat(view.snapshot().number("1111")).isEmpty();
            slow.commit();
            slow.setAutoCommit(true);
        }
        await(ONE_SECOND, () -> view.snapshot().number("1111").isPresent());
    }

    @Test
    void showsABulkCopyOf100kRowsThroughOneChangeRow() throws Exception {
        start(ProvisioningViewConfig.defaults());
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            csv.append("1800").append(String.format("%07d", i)).append(",acct-42,").append(i % 2 == 0).append('\n');
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY telephone_numbers (tn, subscriber_id, verified) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        }
        assertThat(count("SELECT count(*) FROM provisioning_changes WHERE key IS NULL")).isEqualTo(1);
        await(Duration.ofSeconds(10), () -> view.snapshot().numberCount() == 100_002);
        assertThat(view.snapshot().number("18000099999").orElseThrow().verified()).isFalse();
        assertThat(view.snapshot().number("18000000000").orElseThrow().verified()).isTrue();
    }

    @Test
    void keepsServingTheLastSnapshotWhileTheDatabaseIsAwayAndCatchesUpAfter() throws Exception {
        start(ProvisioningViewConfig.defaults().withPollInterval(Duration.ofMillis(200)).withMaxBackoff(Duration.ofMillis(500)));
        String database = text("SELECT current_database()");
        try {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND application_name LIKE 'callsign-provisioning%'");
            await(Duration.ofSeconds(5), () -> view.status().failing() && !view.status().listening());
            Instant lastSync = view.status().lastSync();
            Thread.sleep(700); // several failed reconnections
            ViewStatus down = view.status();
            assertThat(down.lastError()).contains("change feed");
            assertThat(down.lastSync()).isEqualTo(lastSync);
            assertThat(down.age()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
            assertThat(view.snapshot().number("15145559876")).isPresent(); // still answering
            exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('16135550000', 'acct-42')"); // while away
        } finally {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        await(Duration.ofSeconds(5), () -> view.snapshot().number("16135550000").isPresent());
        await(Duration.ofSeconds(2), () -> !view.status().failing() && view.status().listening());
        assertThat(view.age()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void reloadsPeriodicallyAndStopsItsThreadsOnClose() throws Exception {
        start(ProvisioningViewConfig.defaults().withFullRefreshInterval(Duration.ofMillis(300)));
        Instant first = view.status().lastFullLoad();
        await(Duration.ofSeconds(5), () -> view.status().lastFullLoad().isAfter(first));
        assertThat(view.status().fresh(Duration.ofSeconds(5))).isTrue();
        view.close();
        await(Duration.ofSeconds(3), () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("callsign-provisioning")));
        view = null;
    }

    private void start(ProvisioningViewConfig config) throws InterruptedException {
        view = ProvisioningView.create(db.url(), db.user(), db.password(), config, Clock.systemUTC());
        view.start();
        assertThat(view.awaitLoaded(Duration.ofSeconds(10))).as("first load").isTrue();
        assertThat(view.snapshot().numberCount()).isEqualTo(2);
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the view").isLessThan(limit);
            Thread.sleep(5);
        }
    }

    /** A statement run from the server's maintenance database (a database cannot lock itself out). */
    private void admin(String sql) throws SQLException {
        String url = db.url().replaceFirst("/callsign_test_[0-9_]+", "/postgres");
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void exec(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
