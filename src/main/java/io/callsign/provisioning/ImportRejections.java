package io.callsign.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows an import refused: all counted, the first {@link ImportReport#MAX_LISTED} by line kept.
 * Rows refused while parsing arrive here in line order; those refused in SQL (unknown subscriber,
 * repeated number) are merged in from the staging table. Not thread-safe.
 */
final class ImportRejections {

    private final List<ImportReport.Rejection> listed = new ArrayList<>();
    private long count;

    void add(long line, String reason) {
        count++;
        if (listed.size() < ImportReport.MAX_LISTED) {
            listed.add(new ImportReport.Rejection(line, reason));
        }
    }

    void addFromStaging(Connection c) throws SQLException {
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
