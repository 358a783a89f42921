package io.callsign.provisioning;

import java.util.List;

/**
 * What an import did: data rows read, rows inserted, updated and left unchanged, and the rejected
 * rows (the first {@link #MAX_LISTED} by line number; {@code rejectedCount} counts them all).
 */
record ImportReport(String mode, long rows, long inserted, long updated, long unchanged, List<Rejection> rejected,
        long rejectedCount) {

    static final int MAX_LISTED = 1000;

    /** A refused row: its line in the file (from 1, header included) and why. */
    record Rejection(long line, String reason) {
    }
}
