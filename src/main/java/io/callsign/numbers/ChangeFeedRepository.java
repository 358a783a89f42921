package io.callsign.numbers;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads provisioning_changes (db/migration V3) and the current rows of the keys it names.
 * Stateless; the connection (autocommit) is the caller's.
 */
final class ChangeFeedRepository {

    static final String CHANNEL = "callsign_provisioning";

    // One statement, one snapshot: the xmin and the rows seen belong together.
    private static final String POLL = "SELECT s.xmin, c.seq, c.entity, c.key, c.txid"
            + " FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) s"
            + " LEFT JOIN provisioning_changes c ON c.txid >= ? ORDER BY c.seq";

    ChangeBatch poll(Connection connection, ChangeCursor cursor) throws SQLException {
        Map<String, Set<String>> keys = new HashMap<>();
        Set<String> bulk = new HashSet<>();
        Set<Long> seenNext = new HashSet<>();
        long xmin = cursor.xmin();
        try (PreparedStatement st = connection.prepareStatement(POLL)) {
            st.setLong(1, cursor.xmin());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    xmin = rs.getLong(1);
                    long seq = rs.getLong(2);
                    if (rs.wasNull()) {
                        continue; // no change rows at all: only the xmin came back
                    }
                    if (rs.getLong(5) >= xmin) {
                        seenNext.add(seq);
                    }
                    if (!cursor.seen().contains(seq)) {
                        record(keys, bulk, rs.getString(3), rs.getString(4));
                    }
                }
            }
        }
        return new ChangeBatch(new ChangeCursor(xmin, seenNext), keys, bulk);
    }

    private static void record(Map<String, Set<String>> keys, Set<String> bulk, String entity, String key) {
        if (key == null) {
            bulk.add(entity);
        } else {
            keys.computeIfAbsent(entity, e -> new HashSet<>()).add(key);
        }
    }

    /** The current rows for the batch's keys; entities changed in bulk are left to a full load. */
    SnapshotDelta fetch(Connection connection, ChangeBatch batch) throws SQLException {
        return new SnapshotDelta(
                rows(connection, batch, "number", ProvisioningRows.NUMBERS + " WHERE tn = ANY(?)",
                        ProvisioningRows::number, NumberAssignment::tn, DigitKey::encode),
                rows(connection, batch, "subscriber", ProvisioningRows.SUBSCRIBERS + " WHERE id = ANY(?)",
                        ProvisioningRows::subscriber, Subscriber::id, Function.identity()),
                users(connection, batch),
                rows(connection, batch, "block", ProvisioningRows.BLOCKS + " WHERE prefix = ANY(?)",
                        ProvisioningRows::block, BlockAssignment::prefix, DigitKey::encode),
                batch.touchesTrunks() ? ProvisioningRows.trunks(connection) : null);
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Every key of the entity mapped to its row now, or to empty when the row is gone. */
    private static <K, T> Map<K, Optional<T>> rows(Connection connection, ChangeBatch batch, String entity,
            String sql, RowMapper<T> mapper, Function<T, String> keyOf, Function<String, K> toKey) throws SQLException {
        Set<String> keys = batch.keys().getOrDefault(entity, Set.of());
        if (keys.isEmpty() || batch.bulk().contains(entity)) {
            return Map.of();
        }
        Map<K, Optional<T>> out = new HashMap<>();
        for (String key : keys) {
            out.put(toKey.apply(key), Optional.empty());
        }
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", keys.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    T row = mapper.map(rs);
                    out.put(toKey.apply(keyOf.apply(row)), Optional.of(row));
                }
            }
        }
        return out;
    }

    private static Map<String, Optional<String>> users(Connection connection, ChangeBatch batch) throws SQLException {
        record UserRow(String user, String subscriberId) {
        }
        Map<String, Optional<UserRow>> rows = rows(connection, batch, "user", ProvisioningRows.USERS + " WHERE sip_user = ANY(?)",
                rs -> new UserRow(rs.getString(1), rs.getString(2)), UserRow::user, Function.identity());
        Map<String, Optional<String>> out = new HashMap<>();
        rows.forEach((user, row) -> {
            String normal = SipUser.normalise(user);
            if (normal != null) {
                out.put(normal, row.map(UserRow::subscriberId));
            }
        });
        return out;
    }

    /** Deletes change rows older than {@code keep}; any instance may do it. */
    static long prune(Connection connection, Duration keep) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT callsign_prune_provisioning_changes(make_interval(secs => ?))")) {
            st.setDouble(1, keep.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
