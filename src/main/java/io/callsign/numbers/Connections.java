package io.callsign.numbers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the view's own connections (outside the pool: LISTEN needs one that stays put). */
@FunctionalInterface
interface Connections {

    /** A new connection, labelled {@code applicationName} in pg_stat_activity. */
    Connection open(String applicationName) throws SQLException;

    static Connections of(String jdbcUrl, String user, String password) {
        return applicationName -> {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("connectTimeout", "5");
            // a silent network loss must surface as an error, not a thread blocked forever
            properties.setProperty("socketTimeout", "120");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(jdbcUrl, properties);
        };
    }
}
