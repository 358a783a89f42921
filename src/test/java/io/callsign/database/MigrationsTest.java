package io.callsign.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production migrations on a real, empty PostgreSQL, and the constraints they promise. */
class MigrationsTest {

    private static TestDatabase.Db db;

    @BeforeAll
    static void migrateEmptyDatabase() {
        db = TestDatabase.createEmpty();
        var result = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        exec("INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true)");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void acceptsAValidNumber() throws SQLException {
        exec("INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true)");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT verified FROM telephone_numbers WHERE tn = '15145559876'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean(1)).isTrue();
        }
    }

    @Test
    void rejectsNumbersThatAreNotE164Digits() {
        for (String bad : new String[] {"+15145550000", "1514555000012345", "", "15a4"}) {
            assertThatThrownBy(() -> exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('" + bad + "', 'acct-42')"))
                    .as("tn %s", bad)
                    .hasMessageContaining("e164_digits");
        }
    }

    @Test
    void allowsOneOwnerPerNumber() {
        exec("INSERT INTO subscribers (id) VALUES ('acct-7')");
        exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('15145550001', 'acct-42')");
        assertThatThrownBy(() -> exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('15145550001', 'acct-7')"))
                .hasMessageContaining("telephone_numbers_pkey");
    }

    @Test
    void rejectsNumbersOfUnknownSubscribers() {
        assertThatThrownBy(() -> exec("INSERT INTO telephone_numbers (tn, subscriber_id) VALUES ('15145550002', 'nobody')"))
                .hasMessageContaining("foreign key");
    }

    @Test
    void rejectsMalformedCidrsAndUnknownTrunkKinds() {
        exec("INSERT INTO trunks (name, kind) VALUES ('gw-1', 'gateway')");
        assertThatThrownBy(() -> exec("INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('gw-1', '192.0.2.300/24')"))
                .hasMessageContaining("invalid input syntax for type cidr");
        assertThatThrownBy(() -> exec("INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('gw-1', '192.0.2.1/24')"))
                .hasMessageContaining("invalid cidr value");
        assertThatThrownBy(() -> exec("INSERT INTO trunks (name, kind) VALUES ('x', 'carrier')"))
                .hasMessageContaining("trunks_kind_check");
    }

    @Test
    void requiresASubscriberOnCustomerTrunks() {
        assertThatThrownBy(() -> exec("INSERT INTO trunks (name, kind) VALUES ('cust-1', 'customer')"))
                .hasMessageContaining("trunks_customer_has_subscriber");
    }

    @Test
    void rejectsBlocksWithNonDigitPrefixesAndDuplicatePrefixes() {
        exec("INSERT INTO number_blocks (id, prefix, subscriber_id) VALUES ('b1', '1514555', 'acct-42')");
        assertThatThrownBy(() -> exec("INSERT INTO number_blocks (id, prefix, subscriber_id) VALUES ('b2', '1514555', 'acct-42')"))
                .hasMessageContaining("number_blocks_prefix_key");
        assertThatThrownBy(() -> exec("INSERT INTO number_blocks (id, prefix, subscriber_id) VALUES ('b3', '1-514', 'acct-42')"))
                .hasMessageContaining("e164_digits");
    }

    @Test
    void refusesCredentialsThatAreNotHttpsOrNotPem() {
        assertThatThrownBy(() -> exec("INSERT INTO signing_credentials (source, x5u, chain_pem, key_pem, not_before, not_after)"
                + " VALUES ('acme', 'http://x/c.pem', '-----BEGIN CERTIFICATE-----', '-----BEGIN PRIVATE KEY-----', now(), now() + interval '1 day')"))
                .hasMessageContaining("signing_credentials_x5u_check");
    }

    private static void exec(String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
