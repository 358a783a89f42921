package io.callsign.numbers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the view's own connections (outside the pool: LISTEN needs one that stays put). */
@FunctionalInterface
interface Connections {

    /**
     * A new connection, labelled {@code applicationName} in pg_stat_activity; a read that waits longer
     * than {@code socketTimeoutSeconds} fails, so a silent network loss surfaces as an error.
     */
    Connection open(String applicationName, int socketTimeoutSeconds) throws SQLException;

    static Connections of(String jdbcUrl, String user, String password) {
        return (applicationName, socketTimeoutSeconds) -> {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password == null ? "" : password);
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(jdbcUrl, properties);
        };
    }
}
