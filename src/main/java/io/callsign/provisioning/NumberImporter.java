package io.callsign.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a number CSV into {@code telephone_numbers} on one connection, inside the caller's
 * transaction: rows are checked as they stream in and COPYed into a staging table (see
 * {@link ImportStaging}), bad rows are set aside, and one {@code INSERT ... ON CONFLICT DO UPDATE}
 * applies the rest. Re-importing the same file changes nothing. The caller commits or rolls back;
 * nothing here commits.
 */
final class NumberImporter {

    private static final Logger LOG = LoggerFactory.getLogger(NumberImporter.class);
    private static final int COPY_CHUNK = 256 * 1024;

    ImportReport run(Connection c, InputStream body, ImportMode mode, String actor) throws SQLException, IOException {
        long start = System.nanoTime();
        ImportStaging.create(c);
        ImportRejections rejections = new ImportRejections();
        long rows = copy(c, body, rejections);
        long copied = System.nanoTime();
        ImportStaging.setAsideBadRows(c);
        rejections.addFromStaging(c);
        if (mode == ImportMode.ALL_OR_NOTHING && rejections.count() > 0) {
            return new ImportReport(mode.text, rows, 0, 0, 0, rejections.listed(), rejections.count());
        }
        ImportStaging.dropUnchanged(c);
        long[] changed = ImportStaging.upsert(c);
        ImportReport report = new ImportReport(mode.text, rows, changed[0], changed[1],
                rows - rejections.count() - changed[0] - changed[1], rejections.listed(), rejections.count());
        Audit.write(c, actor, "import", "number", "*", null, counts(report));
        LOG.info("number import by {}: {} row(s), {} inserted, {} updated, {} rejected; upload and COPY {} ms, "
                + "checks and upsert {} ms", actor, rows, report.inserted(), report.updated(), report.rejectedCount(),
                (copied - start) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
        return report;
    }

    /** Streams the body into COPY, line by line; returns the number of data rows (header and blanks aside). */
    private static long copy(Connection c, InputStream body, ImportRejections rejections) throws SQLException, IOException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(ImportStaging.COPY);
        try {
            CsvLines lines = new CsvLines(body);
            StringBuilder out = new StringBuilder(COPY_CHUNK + CsvLines.MAX_LINE);
            long rows = 0;
            boolean first = true;
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank() && !lines.truncated()) {
                    continue;
                }
                boolean header = first && !lines.truncated() && isHeader(line);
                first = false;
                if (!header) {
                    rows++;
                    row(lines, line, out, rejections);
                    if (out.length() >= COPY_CHUNK) {
                        flush(copy, out);
                    }
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

    private static void row(CsvLines lines, String line, StringBuilder out, ImportRejections rejections) {
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

    // The upload broke or a row could not be sent: end COPY so that the caller can roll back.
    private static void cancel(CopyIn copy, Exception cause) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
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
}
