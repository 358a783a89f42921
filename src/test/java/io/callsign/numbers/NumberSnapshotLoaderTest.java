package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.database.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A full load and the change feed after it, on real PostgreSQL with the production migrations. */
class NumberSnapshotLoaderTest {

    private static TestDatabase.Db db;

    @BeforeAll
    static void provision() {
        db = TestDatabase.create();
        exec("INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true), ('acct-7', '', false)");
        exec("INSERT INTO subscriber_users VALUES ('alice@IMS.local', 'acct-42')");
        exec("INSERT INTO telephone_numbers (tn, subscriber_id, verified, valid_from, valid_until) VALUES"
                + " ('15145559876', 'acct-42', true, NULL, NULL),"
                + " ('0123', 'acct-7', false, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00.123456Z')");
        exec("INSERT INTO number_blocks (id, prefix, subscriber_id, verified) VALUES ('b-1', '1514555', 'acct-7', true)");
        exec("INSERT INTO trunks (name, kind, subscriber_id) VALUES ('pbx-42', 'customer', 'acct-42'), ('gw-1', 'gateway', NULL)");
        exec("INSERT INTO trunk_cidrs VALUES ('pbx-42', '203.0.113.0/24'), ('pbx-42', '2001:db8:42::/48'), ('gw-1', '0.0.0.0/0')");
    }

    /** Statements that undo a test's changes, so the tests share one database in any order. */
    private final List<String> restore = new ArrayList<>();

    @AfterEach
    void undo() {
        restore.forEach(NumberSnapshotLoaderTest::exec);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void loadsEveryTable() throws SQLException {
        NumberSnapshot snapshot;
        try (Connection c = db.dataSource().getConnection()) {
            snapshot = new NumberSnapshotLoader(1).load(c); // fetch size 1: the cursor path, row by row
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(snapshot.numberCount()).isEqualTo(2);
        assertThat(snapshot.number("15145559876")).contains(new NumberAssignment("15145559876", "acct-42", true, null, null));
        assertThat(snapshot.number("0123")).contains(new NumberAssignment("0123", "acct-7", false,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00.123Z")));
        assertThat(snapshot.number("123")).isEmpty();
        assertThat(snapshot.block("15145550000")).contains(new BlockAssignment("b-1", "1514555", "acct-7", true));
        assertThat(snapshot.subscriber("acct-42")).contains(new Subscriber("acct-42", "Acme", true));
        assertThat(snapshot.subscriberOfUser("sip:alice@ims.local")).contains("acct-42");
        assertThat(snapshot.trunkFor(IpLiteral.parse("2001:db8:42::9")).map(Trunk::name)).contains("pbx-42");
        assertThat(snapshot.trunkFor(IpLiteral.parse("203.0.113.9")).map(Trunk::name)).contains("pbx-42");
        assertThat(snapshot.trunkFor(IpLiteral.parse("198.51.100.1")).map(Trunk::name)).contains("gw-1");
        assertThat(snapshot.trunk("pbx-42").map(Trunk::subscriberId)).contains("acct-42");
    }

    @Test
    void feedsOnlyTheChangesMadeAfterTheLoad() throws SQLException {
        NumberSnapshotLoader.Loaded loaded;
        restore.clear();
        ChangeFeedRepository feed = new ChangeFeedRepository();
        try (Connection c = db.dataSource().getConnection()) {
            loaded = new NumberSnapshotLoader(100).loadWithCursor(c);
            assertThat(feed.poll(c, loaded.cursor()).isEmpty()).isTrue();
            exec("UPDATE telephone_numbers SET verified = false WHERE tn = '15145559876'");
            restore.add("UPDATE telephone_numbers SET verified = true WHERE tn = '15145559876'");
            exec("INSERT INTO subscriber_users VALUES ('bob@ims.local', 'acct-7')");
            ChangeBatch batch = feed.poll(c, loaded.cursor());
            assertThat(batch.keys()).containsEntry("number", Set.of("15145559876")).containsEntry("user", Set.of("bob@ims.local"));
            assertThat(feed.poll(c, batch.next()).isEmpty()).isTrue();
            NumberSnapshot patched = loaded.snapshot().withChanges(feed.fetch(c, batch), 100);
            assertThat(patched.number("15145559876").map(NumberAssignment::verified)).contains(false);
            assertThat(patched.subscriberOfUser("bob@ims.local")).contains("acct-7");
            exec("DELETE FROM subscriber_users WHERE sip_user = 'bob@ims.local'");
            ChangeBatch deleted = feed.poll(c, batch.next());
            assertThat(patched.withChanges(feed.fetch(c, deleted), 100).subscriberOfUser("bob@ims.local")).isEqualTo(Optional.empty());
        }
    }

    private static void exec(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
