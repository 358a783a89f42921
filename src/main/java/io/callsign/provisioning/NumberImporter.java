package io.callsign.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a number CSV into {@code telephone_numbers} on one connection, inside the caller's
 * transaction: rows are checked as they stream in and COPYed into a temporary table, rows naming an
 * unknown subscriber or repeating a number are set aside in SQL, and one {@code INSERT ... ON
 * CONFLICT DO UPDATE} applies the rest. Re-importing the same file changes nothing. The caller
 * commits or rolls back; nothing here commits.
 */
final class NumberImporter {

    /** What to do with a file that has bad rows. */
    enum Mode {
        /** Any bad row: nothing is written (the caller rolls back). */
        ALL_OR_NOTHING("all-or-nothing"),
        /** Good rows are written, bad rows reported. */
        REPORT("report");

        final String text;

        Mode(String text) {
            this.text = text;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NumberImporter.class);
    private static final int COPY_CHUNK = 256 * 1024;

    ImportReport run(Connection c, InputStream body, Mode mode, String actor) throws SQLException, IOException {
        long start = System.nanoTime();
        // Memory for the duplicate check's hash and the upsert's join, for this transaction only.
        execute(c, "SET LOCAL work_mem = '256MB'", "CREATE TEMP TABLE import_rows (line bigint NOT NULL, tn text NOT NULL, subscriber_id text NOT NULL, "
                + "verified boolean NOT NULL, valid_from timestamptz, valid_until timestamptz) ON COMMIT DROP",
                "CREATE TEMP TABLE import_rejects (line bigint NOT NULL, reason text NOT NULL) ON COMMIT DROP");
        Rejections rejections = new Rejections();
        long rows = copy(c, body, rejections);
        long copied = System.nanoTime();
        execute(c, "ANALYZE import_rows",
                "WITH bad AS (DELETE FROM import_rows r WHERE NOT EXISTS (SELECT 1 FROM subscribers s "
                        + "WHERE s.id = r.subscriber_id) RETURNING line, subscriber_id) "
                        + "INSERT INTO import_rejects SELECT line, 'subscriber ''' || subscriber_id || ''' does not exist' FROM bad",
                // One command cannot upsert the same key twice; the first occurrence stands.
                "WITH first AS (SELECT tn, min(line) AS line FROM import_rows GROUP BY tn HAVING count(*) > 1), "
                        + "dup AS (DELETE FROM import_rows r USING first f WHERE r.tn = f.tn AND r.line > f.line "
                        + "RETURNING r.line, r.tn, f.line AS first_line) "
                        + "INSERT INTO import_rejects SELECT line, 'number ' || tn || ' repeats line ' || first_line FROM dup");
        rejections.addFromDatabase(c);
        long checked = System.nanoTime();
        if (mode == Mode.ALL_OR_NOTHING && rejections.count() > 0) {
            return new ImportReport(mode.text, rows, 0, 0, 0, rejections.listed(), rejections.count());
        }
        dropUnchanged(c);
        long[] changed = upsert(c);
        LOG.info("number import of {} row(s) by {}: upload and COPY {} ms, checks {} ms, upsert {} ms", rows, actor,
                (copied - start) / 1_000_000, (checked - copied) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        ImportReport report = new ImportReport(mode.text, rows, changed[0], changed[1],
                rows - rejections.count() - changed[0] - changed[1], rejections.listed(), rejections.count());
        Audit.write(c, actor, "import", "number", "*", null, counts(report));
        return report;
    }

    private static long copy(Connection c, InputStream body, Rejections rejections) throws SQLException, IOException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_rows FROM STDIN (FORMAT csv)");
        try {
            CsvLines lines = new CsvLines(body);
            StringBuilder out = new StringBuilder(COPY_CHUNK + CsvLines.MAX_LINE);
            long rows = 0;
            boolean first = true;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank() && !lines.truncated()) {
                    continue;
                }
                if (first && !lines.truncated() && isHeader(line)) {
                    first = false;
                    continue;
                }
                first = false;
                rows++;
                row(lines, line, out, rejections);
                if (out.length() >= COPY_CHUNK) {
                    flush(copy, out);
                }
            }
            flush(copy, out);
            copy.endCopy();
            return rows;
        } catch (IOException | SQLException | RuntimeException e) {
            cancel(copy, e);
            throw e;
        }
    }

    // The upload broke or a row could not be sent: end COPY so the caller can roll back.
    private static void cancel(CopyIn copy, Exception cause) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static boolean isHeader(String line) {
        List<String> fields;
        try {
            fields = CsvLines.fields(line);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!ImportRow.isHeader(fields)) {
            return false;
        }
        ImportRow.checkHeader(fields);
        return true;
    }

    private static void row(CsvLines lines, String line, StringBuilder out, Rejections rejections) {
        if (lines.truncated()) {
            rejections.add(lines.number(), "line is longer than " + CsvLines.MAX_LINE + " bytes");
            return;
        }
        try {
            ImportRow.parse(CsvLines.fields(line)).appendCopy(lines.number(), out);
        } catch (IllegalArgumentException e) {
            rejections.add(lines.number(), e.getMessage());
        }
    }

    private static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        if (out.length() > 0) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }

    /**
     * Sets aside rows that match the table already, in one hash join: the upsert below would otherwise
     * lock (and so write) every such row, which makes a re-run of a large file slow for nothing.
     */
    private static void dropUnchanged(Connection c) throws SQLException {
        execute(c, "DELETE FROM import_rows r USING telephone_numbers t WHERE t.tn = r.tn "
                + "AND t.subscriber_id = r.subscriber_id AND t.verified = r.verified "
                + "AND t.valid_from IS NOT DISTINCT FROM r.valid_from AND t.valid_until IS NOT DISTINCT FROM r.valid_until");
    }

    /**
     * Inserted and updated counts (in key order, so index pages are filled in sequence). A row the file leaves as it is is not touched (the WHERE), so its
     * version stays and re-runs report it unchanged. {@code xmax = 0} marks a row this command
     * inserted rather than updated (PostgreSQL's ON CONFLICT updates set xmax).
     */
    private static long[] upsert(Connection c) throws SQLException {
        return Sql.query(c, "WITH up AS (INSERT INTO telephone_numbers AS t (tn, subscriber_id, verified, valid_from, valid_until) "
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

    private static Map<String, Object> counts(ImportReport report) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("mode", report.mode());
        counts.put("rows", report.rows());
        counts.put("inserted", report.inserted());
        counts.put("updated", report.updated());
        counts.put("unchanged", report.unchanged());
        counts.put("rejectedCount", report.rejectedCount());
        return counts;
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Rejected rows: all counted, the first {@link ImportReport#MAX_LISTED} by line kept. */
    private static final class Rejections {
        private final List<ImportReport.Rejection> listed = new ArrayList<>();
        private long count;

        void add(long line, String reason) {
            count++;
            if (listed.size() < ImportReport.MAX_LISTED) {
                listed.add(new ImportReport.Rejection(line, reason));
            }
        }

        void addFromDatabase(Connection c) throws SQLException {
            count += Sql.query(c, "SELECT count(*) FROM import_rejects", row -> row.getLong(1)).get(0);
            listed.addAll(Sql.query(c, "SELECT line, reason FROM import_rejects ORDER BY line LIMIT ?",
                    row -> new ImportReport.Rejection(row.getLong(1), row.getString(2)), ImportReport.MAX_LISTED));
            listed.sort(Comparator.comparingLong(ImportReport.Rejection::line));
            if (listed.size() > ImportReport.MAX_LISTED) {
                listed.subList(ImportReport.MAX_LISTED, listed.size()).clear();
            }
        }

        long count() {
            return count;
        }

        List<ImportReport.Rejection> listed() {
            return List.copyOf(listed);
        }
    }
}
