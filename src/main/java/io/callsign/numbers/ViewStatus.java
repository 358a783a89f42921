package io.callsign.numbers;

import java.time.Duration;
import java.time.Instant;

/**
 * What /health/ready needs to know about the provisioning view.
 *
 * @param loaded       a snapshot has been loaded from the database at least once
 * @param lastFullLoad when the last full load finished, or null
 * @param lastSync     when the view was last known to match the database, or null
 * @param age          time since lastSync (since start when never synced)
 * @param lastError    the most recent failure, or null; kept after recovery, see {@link #failing()}
 * @param lastErrorAt  when it happened, or null
 * @param numbers      numbers in the current snapshot
 * @param listening    the change-feed connection is up
 */
public record ViewStatus(boolean loaded, Instant lastFullLoad, Instant lastSync, Duration age, String lastError,
        Instant lastErrorAt, long numbers, boolean listening) {

    /** True when the last error is newer than the last successful sync. */
    public boolean failing() {
        return lastErrorAt != null && (lastSync == null || lastErrorAt.isAfter(lastSync));
    }

    /** Loaded, and in sync within {@code maxAge}: the readiness rule. */
    public boolean fresh(Duration maxAge) {
        return loaded && age.compareTo(maxAge) <= 0;
    }
}
