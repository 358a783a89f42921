package io.callsign.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests, chosen in this order: {@code CALLSIGN_TEST_DB_URL} (with
 * {@code CALLSIGN_TEST_DB_USER}/{@code CALLSIGN_TEST_DB_PASSWORD}); a Testcontainers PostgreSQL when a
 * Docker engine answers; otherwise an embedded PostgreSQL. One server per test JVM; every
 * {@link #create()} gives a fresh, empty, migrated database so tests never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    /** A new database on the shared server, migrated with the production migrations. */
    public static Db create() {
        Db db = createEmpty();
        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** A new database with no tables, for migration tests. */
    public static Db createEmpty() {
        Server s = server();
        String name = "callsign_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.description(), e);
        }
        String url = s.urlFor(name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(s.user());
        config.setPassword(s.password());
        config.setMaximumPoolSize(4);
        config.setPoolName(name);
        return new Db(url, s.user(), s.password(), new HikariDataSource(config));
    }

    /** Which kind of server the tests run on, for logs. */
    public static synchronized String description() {
        return server().description();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        String url = System.getenv("CALLSIGN_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, env("CALLSIGN_TEST_DB_USER", "postgres"), env("CALLSIGN_TEST_DB_PASSWORD", ""),
                    "CALLSIGN_TEST_DB_URL " + url);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + container.getDockerImageName());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null ? fallback : value;
    }

    private record Server(String adminUrl, String user, String password, String description) {
        String urlFor(String database) {
            // Replace only the database segment of jdbc:postgresql://host:port/db?params.
            int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    /** One test database. Close it to release its pool (the database itself is left for inspection). */
    public record Db(String url, String user, String password, HikariDataSource pool) implements AutoCloseable {
        public DataSource dataSource() {
            return pool;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
