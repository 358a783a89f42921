package io.callsign.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries shipped on the class path, keeping its files under
 * the data directory so that provisioning survives a restart. Used when no external database is
 * configured; not meant for production scale, but it is the same engine and the same migrations.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path files = dataDir.resolve("postgres");
        try {
            Files.createDirectories(files);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(files)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedDatabase(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL under " + files
                    + " (is another Callsign using this data directory?): " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
