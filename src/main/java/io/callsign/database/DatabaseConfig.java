package io.callsign.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is. With no {@code url}, an embedded PostgreSQL runs under {@code dataDir}.
 *
 * @param url      JDBC URL of an external PostgreSQL ({@code CALLSIGN_DB_URL}), or empty
 * @param user     login role ({@code CALLSIGN_DB_USER})
 * @param password secret ({@code CALLSIGN_DB_PASSWORD}); never logged
 * @param poolSize maximum connections in the pool ({@code CALLSIGN_DB_POOL_SIZE})
 * @param dataDir  the service's data directory; the embedded server keeps its files in {@code postgres/}
 */
public record DatabaseConfig(Optional<String> url, String user, String password, int poolSize, Path dataDir) {

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.orElse("embedded") + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
