package io.callsign.acme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RenewalLease} on the {@code leases} table, so that of several instances sharing one
 * database only one orders at a time. Taking the lease is one atomic statement; expiry is judged by
 * the database's clock, so the instances' clocks need not agree. A database error counts as "not
 * granted" (the others may be renewing; this instance retries later). Thread-safe.
 */
public final class LeaseRepository implements RenewalLease {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRepository.class);

    // Insert, or take over a lease that has expired (or that we hold already); RETURNING yields a
    // row only when this instance holds the lease afterwards.
    private static final String ACQUIRE = """
            INSERT INTO leases (name, holder, expires_at)
            VALUES (?, ?, now() + make_interval(secs => ?))
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
            WHERE leases.expires_at < now() OR leases.holder = EXCLUDED.holder
            RETURNING holder""";
    private static final String RELEASE = "DELETE FROM leases WHERE name = ? AND holder = ?";

    private final DataSource database;
    private final String name;
    private final String holder;

    /**
     * @param name   the job the lease guards, e.g. {@code acme-renewal}
     * @param holder this instance, unique among the instances (a random id is fine)
     */
    public LeaseRepository(DataSource database, String name, String holder) {
        this.database = database;
        this.name = name;
        this.holder = holder;
    }

    /** A lease for ACME renewal held under a fresh random id. */
    public static LeaseRepository forAcmeRenewal(DataSource database) {
        return new LeaseRepository(database, "acme-renewal", "callsign-" + UUID.randomUUID());
    }

    @Override
    public boolean tryAcquire(Duration ttl) {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(ACQUIRE)) {
            statement.setString(1, name);
            statement.setString(2, holder);
            statement.setDouble(3, ttl.toMillis() / 1000.0);
            try (ResultSet granted = statement.executeQuery()) {
                return granted.next();
            }
        } catch (SQLException e) {
            LOG.warn("Cannot take the '{}' lease in the database ({}); not renewing now", name, e.getMessage());
            return false;
        }
    }

    @Override
    public void release() {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            statement.setString(1, name);
            statement.setString(2, holder);
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Cannot release the '{}' lease ({}); it expires by itself", name, e.getMessage());
        }
    }

    /** Who this instance is in the {@code leases} table. */
    public String holder() {
        return holder;
    }
}
