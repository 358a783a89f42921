package io.callsign.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One kind of provisioned row (subscriber, number, block, trunk) as {@link ResourceRoutes} sees it:
 * validation of the key and body, and its SQL. Implementations hold no state and are thread-safe;
 * every method runs inside the caller's transaction.
 *
 * @param <I> the validated PUT body
 * @param <R> the representation (what GET returns and the audit log records)
 */
interface Resource<I, R extends Resource.Versioned> {

    /** A representation carrying its row version, from which its ETag comes. */
    interface Versioned {
        long version();

        /** The entity tag of this representation: {@code "v3"}, unless the resource adds to it. */
        default String etag() {
            return Preconditions.etag(version());
        }
    }

    /** Singular noun for messages and {@code audit_log.entity}, e.g. {@code subscriber}. */
    String entity();

    /** Checks the key in the path and returns it as stored (e.g. a number without its {@code +}). */
    String key(String raw);

    /** Decodes and checks a PUT body (see {@link Exchanges#decode}) sent to {@code key}. */
    I input(byte[] body, String key);

    /** Filters the list route accepts besides {@code limit} and {@code after}. */
    List<String> filters();

    /** The key of a representation, for the list cursor. */
    String keyOf(R representation);

    Optional<R> find(Connection c, String key, boolean lock) throws SQLException;

    /** True when writing {@code input} would change nothing, so PUT keeps the version. */
    boolean unchanged(R current, I input);

    /** Creates the row; empty when a concurrent transaction created the same key first. */
    Optional<R> insert(Connection c, String key, I input) throws SQLException;

    R update(Connection c, String key, I input) throws SQLException;

    /** Deletes the row, or throws a 409 problem when other rows still depend on it. */
    void delete(Connection c, String key) throws SQLException;

    /** One page in key order, {@code query.limit() + 1} rows at most (the extra one proves a next page). */
    List<R> list(Connection c, ListQuery query) throws SQLException;
}
