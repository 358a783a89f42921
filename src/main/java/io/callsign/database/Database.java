package io.callsign.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's PostgreSQL: a HikariCP pool over the external or embedded server, migrated with
 * Flyway from {@code db/migration} before anything else uses it. Thread-safe.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Optional<EmbeddedDatabase> embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private Database(HikariDataSource pool, Optional<EmbeddedDatabase> embedded, String jdbcUrl,
            String user, String password) {
        this.pool = pool;
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Connects (starting the embedded server first when no URL is configured) and migrates. */
    public static Database open(DatabaseConfig config) {
        Optional<EmbeddedDatabase> embedded = config.embedded()
                ? Optional.of(EmbeddedDatabase.start(config.dataDir()))
                : Optional.empty();
        String url = embedded.map(EmbeddedDatabase::jdbcUrl).orElseGet(() -> config.url().orElseThrow());
        String user = config.embedded() ? "postgres" : config.user();
        String password = config.embedded() ? "" : config.password();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("callsign-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        // Start even if the database is briefly away; readiness reports it, the snapshot serves calls.
        hikari.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(hikari);
        Database database = new Database(pool, embedded, url, user, password);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private void migrate() {
        MigrateResult result = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("database schema at version {} ({} migration(s) applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** JDBC URL, user and password, for components that need a dedicated connection (LISTEN). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded.isPresent();
    }

    /** True when a connection can be had and answers within the timeout. */
    public boolean isReachable(Duration timeout) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
