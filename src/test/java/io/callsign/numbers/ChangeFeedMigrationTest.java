package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.database.TestDatabase;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The V3 triggers on real PostgreSQL: what lands in provisioning_changes, and what is notified. */
class ChangeFeedMigrationTest {

    private static TestDatabase.Db db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void emptyTables() {
        exec("TRUNCATE subscribers, subscriber_users, telephone_numbers, number_blocks, trunks, trunk_cidrs CASCADE");
        exec("INSERT INTO subscribers (id, verified) VALUES ('acct-42', true), ('acct-7', false)");
        exec("TRUNCATE provisioning_changes");
    }

    @Test
    void recordsTheKeysOfInsertedUpdatedAndDeletedRows() {
        exec("INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true)");
        exec("UPDATE telephone_numbers SET tn = '15145559877' WHERE tn = '15145559876'");
        exec("DELETE FROM telephone_numbers");
        assertThat(changes()).containsExactly("number:15145559876", "number:15145559876", "number:15145559877",
                "number:15145559877");
    }

    @Test
    void recordsEveryProvisioningTableUnderItsLookupKey() {
        exec("INSERT INTO subscriber_users (sip_user, subscriber_id) VALUES ('alice@ims.local', 'acct-42')");
        exec("INSERT INTO number_blocks (id, prefix, subscriber_id) VALUES ('b-1', '1514555', 'acct-7')");
        exec("INSERT INTO trunks (name, kind) VALUES ('gw-1', 'gateway')");
        exec("INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('gw-1', '192.0.2.0/24')");
        exec("UPDATE subscribers SET name = 'Acme' WHERE id = 'acct-7'");
        exec("DELETE FROM subscribers WHERE id = 'acct-42'"); // cascades to its SIP users
        assertThat(changes()).containsExactly("user:alice@ims.local", "block:1514555", "trunk:gw-1", "trunk:gw-1",
                "subscriber:acct-7", "subscriber:acct-42", "user:alice@ims.local");
    }

    @Test
    void recordsOneKeylessRowForABulkCopyOrTruncate() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            csv.append("1800").append(String.format("%07d", i)).append(",acct-42,true\n");
        }
        try (Connection c = db.dataSource().getConnection()) {
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY telephone_numbers (tn, subscriber_id, verified) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            assertThat(copied).isEqualTo(5_000);
        }
        exec("TRUNCATE telephone_numbers");
        assertThat(changes()).containsExactly("number:*", "number:*");
    }

    @Test
    void bumpsVersionAndUpdatedAtWhenADbaForgetsThem() {
        exec("INSERT INTO telephone_numbers (tn, subscriber_id, verified, updated_at) VALUES ('1', 'acct-42', true, '2020-01-01Z')");
        exec("UPDATE telephone_numbers SET verified = false");
        assertThat(query("SELECT version || ' ' || (updated_at > '2020-01-02Z') FROM telephone_numbers")).containsExactly("2 true");
        exec("UPDATE telephone_numbers SET verified = false, version = 99"); // no real change; version is the database's
        assertThat(query("SELECT version::text FROM telephone_numbers")).containsExactly("2");
    }

    @Test
    void notifiesOncePerTransaction() throws Exception {
        try (Connection listener = db.dataSource().getConnection(); Statement st = listener.createStatement()) {
            st.execute("LISTEN callsign_provisioning");
            try (Connection writer = db.dataSource().getConnection(); Statement w = writer.createStatement()) {
                writer.setAutoCommit(false);
                w.execute("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('1', 'acct-42')");
                w.execute("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('2', 'acct-42')");
                w.execute("UPDATE subscribers SET verified = true");
                assertThat(listener.unwrap(PGConnection.class).getNotifications(200)).isNullOrEmpty();
                writer.commit();
                writer.setAutoCommit(true);
            }
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(2_000);
            assertThat(received).hasSize(1);
            assertThat(received[0].getName()).isEqualTo("callsign_provisioning");
        }
    }

    @Test
    void prunesOnlyOldRows() {
        exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('1', 'acct-42'), ('2', 'acct-42')");
        exec("UPDATE provisioning_changes SET at = now() - interval '2 hours' WHERE key = '1'");
        assertThat(query("SELECT callsign_prune_provisioning_changes(interval '1 hour')::text")).containsExactly("1");
        assertThat(changes()).containsExactly("number:2");
    }

    private static List<String> changes() {
        return query("SELECT entity || ':' || coalesce(key, '*') FROM provisioning_changes ORDER BY txid, key");
    }

    private static List<String> query(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
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
