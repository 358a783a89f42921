package io.callsign.numbers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads all provisioning tables into a new {@link NumberSnapshot}, in one REPEATABLE READ transaction
 * so that the snapshot and its change-feed cursor describe the same moment. Numbers are streamed with
 * a fetch size straight into primitive arrays: 10M rows never exist as objects at once.
 * Stateless and thread-safe; the connection is the caller's.
 */
public final class NumberSnapshotLoader {

    private final int fetchSize;

    public NumberSnapshotLoader(int fetchSize) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be at least 1, not " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    /** A snapshot of the database as it is now (e.g. for a CLI that decides one call). */
    public NumberSnapshot load(Connection connection) throws SQLException {
        return loadWithCursor(connection).snapshot();
    }

    record Loaded(NumberSnapshot snapshot, ChangeCursor cursor) {
    }

    Loaded loadWithCursor(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            // The first query fixes the transaction's snapshot: its xmin is the cursor's xmin.
            long xmin = xmin(connection);
            Set<Long> seen = seenSince(connection, xmin);
            NumberSnapshotBuilder builder = NumberSnapshot.builder(estimatedNumbers(connection));
            readSmallTables(connection, builder);
            readNumbers(connection, builder);
            connection.commit();
            connection.setAutoCommit(autoCommit);
            connection.setTransactionIsolation(isolation);
            return new Loaded(builder.build(), new ChangeCursor(xmin, seen));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    static long xmin(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<Long> seenSince(Connection connection, long xmin) throws SQLException {
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT seq FROM provisioning_changes WHERE txid >= ?")) {
            st.setLong(1, xmin);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getLong(1));
                }
            }
        }
        return seen;
    }

    private static int estimatedNumbers(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = 'telephone_numbers'::regclass")) {
            // reltuples is -1 before the first ANALYZE; the builder grows as needed anyway
            long estimate = rs.next() ? rs.getLong(1) : 0;
            return (int) Math.max(16, Math.min(estimate + estimate / 20, Integer.MAX_VALUE - 16));
        }
    }

    private void readSmallTables(Connection connection, NumberSnapshotBuilder builder) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(fetchSize);
            try (ResultSet rs = st.executeQuery(ProvisioningRows.SUBSCRIBERS)) {
                while (rs.next()) {
                    builder.subscriber(rs.getString(1), rs.getString(2), rs.getBoolean(3));
                }
            }
            try (ResultSet rs = st.executeQuery(ProvisioningRows.USERS)) {
                while (rs.next()) {
                    builder.user(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery(ProvisioningRows.BLOCKS)) {
                while (rs.next()) {
                    builder.block(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4));
                }
            }
        }
        for (Trunk trunk : ProvisioningRows.trunks(connection)) {
            builder.trunk(trunk.name(), trunk.kind(), trunk.subscriberId(), trunk.cidrs());
        }
    }

    private void readNumbers(Connection connection, NumberSnapshotBuilder builder) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(fetchSize); // a server-side cursor: needs autocommit off, which we are in
            try (ResultSet rs = st.executeQuery(ProvisioningRows.NUMBERS)) {
                while (rs.next()) {
                    builder.number(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            ProvisioningRows.instant(rs, 4), ProvisioningRows.instant(rs, 5));
                }
            }
        }
    }
}
