package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.database.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V4 rewrote the object_key and e164_digits domain checks for speed; they must accept exactly what
 * V1's regular expressions accepted, and the API's {@link Check} must agree with both.
 */
class KeyDomainsTest {

    private static final String V1_KEY = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    private static final String V1_TN = "^[0-9]{1,15}$";
    private static TestDatabase.Db db;

    @BeforeAll
    static void create() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void objectKeyAcceptsExactlyWhatV1Accepted() throws SQLException {
        List<String> values = new ArrayList<>(List.of("acct-42", "a", "A.b_c:d@e-f", "-a", ".a", "a b", "a/b", "é", "",
                "a".repeat(128), "a".repeat(129), "a\n", "\na"));
        values.addAll(random("aZ9._:@- /é\n", 2000, 140));
        for (String value : values) {
            assertThat(accepted(value, "object_key")).as("'%s'", value).isEqualTo(matches(value, V1_KEY));
            assertThat(Check.isKey(value)).as("Check.isKey('%s')", value).isEqualTo(matches(value, V1_KEY));
        }
    }

    @Test
    void e164DigitsAcceptsExactlyWhatV1Accepted() throws SQLException {
        List<String> values = new ArrayList<>(List.of("1", "15145559876", "123456789012345", "1234567890123456", "",
                "+1", "1 2", "١٢٣", "12\n"));
        values.addAll(random("0123456789+a \n", 2000, 18));
        for (String value : values) {
            assertThat(accepted(value, "e164_digits")).as("'%s'", value).isEqualTo(matches(value, V1_TN));
        }
    }

    private static List<String> random(String alphabet, int count, int maxLength) {
        Random random = new Random(1_000_074);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(maxLength); n >= 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    private static boolean accepted(String value, String domain) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT ?::text::" + domain)) {
            s.setString(1, value);
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static boolean matches(String value, String regex) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("SELECT ? ~ ?")) {
            s.setString(1, value);
            s.setString(2, regex);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }
}
