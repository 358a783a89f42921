package io.callsign.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of a number import, on temporary tables that live for its transaction: {@code import_rows}
 * (the checked rows, COPYed in with their line numbers) and {@code import_rejects} (rows set aside in
 * SQL, with the reason). Each step is one set-based statement, so a million rows cost a few scans.
 */
final class ImportStaging {

    static final String COPY = "COPY import_rows FROM STDIN (FORMAT csv)";

    private ImportStaging() {
    }

    static void create(Connection c) throws SQLException {
        execute(c,
                // Memory for the duplicate check's hash, the upsert's sort and joins; this transaction only.
                "SET LOCAL work_mem = '256MB'",
                "CREATE TEMP TABLE import_rows (line bigint NOT NULL, tn text NOT NULL, subscriber_id text NOT NULL, "
                        + "verified boolean NOT NULL, valid_from timestamptz, valid_until timestamptz) ON COMMIT DROP",
                "CREATE TEMP TABLE import_rejects (line bigint NOT NULL, reason text NOT NULL) ON COMMIT DROP");
    }

    /** Sets aside rows naming an unknown subscriber, and repeats of a number (the first one stands). */
    static void setAsideBadRows(Connection c) throws SQLException {
        execute(c, "ANALYZE import_rows",
                "WITH bad AS (DELETE FROM import_rows r WHERE NOT EXISTS (SELECT 1 FROM subscribers s "
                        + "WHERE s.id = r.subscriber_id) RETURNING line, subscriber_id) "
                        + "INSERT INTO import_rejects SELECT line, 'subscriber ''' || subscriber_id || ''' does not exist' "
                        + "FROM bad",
                // One INSERT ... ON CONFLICT cannot touch the same key twice.
                "WITH first AS (SELECT tn, min(line) AS line FROM import_rows GROUP BY tn HAVING count(*) > 1), "
                        + "dup AS (DELETE FROM import_rows r USING first f WHERE r.tn = f.tn AND r.line > f.line "
                        + "RETURNING r.line, r.tn, f.line AS first_line) "
                        + "INSERT INTO import_rejects SELECT line, 'number ' || tn || ' repeats line ' || first_line FROM dup");
    }

    /**
     * Sets aside rows that match the table already, in one hash join: the upsert would otherwise lock
     * (and so write) every such row, which makes a re-run of a large file slow for nothing.
     */
    static void dropUnchanged(Connection c) throws SQLException {
        execute(c, "DELETE FROM import_rows r USING telephone_numbers t WHERE t.tn = r.tn "
                + "AND t.subscriber_id = r.subscriber_id AND t.verified = r.verified "
                + "AND t.valid_from IS NOT DISTINCT FROM r.valid_from AND t.valid_until IS NOT DISTINCT FROM r.valid_until");
    }

    /**
     * Applies the remaining rows in key order (index pages fill in sequence, and two imports lock
     * common numbers in the same order, so they cannot deadlock). Returns {inserted, updated}. A row
     * left as it is is not touched (the WHERE), so its version stays. {@code xmax = 0} marks a row
     * this command inserted rather than updated (an ON CONFLICT update sets xmax).
     */
    static long[] upsert(Connection c) throws SQLException {
        return Sql.query(c, "WITH up AS (INSERT INTO telephone_numbers AS t "
                + "(tn, subscriber_id, verified, valid_from, valid_until) "
                + "SELECT tn, subscriber_id, verified, valid_from, valid_until FROM import_rows ORDER BY tn "
                + "ON CONFLICT (tn) DO UPDATE SET subscriber_id = EXCLUDED.subscriber_id, verified = EXCLUDED.verified, "
                + "valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, version = t.version + 1, "
                + "updated_at = now() "
                + "WHERE (t.subscriber_id, t.verified, t.valid_from, t.valid_until) IS DISTINCT FROM "
                + "(EXCLUDED.subscriber_id, EXCLUDED.verified, EXCLUDED.valid_from, EXCLUDED.valid_until) "
                + "RETURNING (xmax = 0) AS inserted) "
                + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up",
                row -> new long[] {row.getLong(1), row.getLong(2)}).get(0);
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
