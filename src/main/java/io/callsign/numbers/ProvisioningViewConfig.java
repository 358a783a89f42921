package io.callsign.numbers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the in-memory provisioning view keeps up with PostgreSQL.
 *
 * @param fullRefreshInterval full reload from the tables, as a safety net ({@code CALLSIGN_SNAPSHOT_REFRESH_SECONDS})
 * @param pollInterval        change-log poll when no notification arrives; also how fast a lost
 *                            database is noticed ({@code CALLSIGN_SNAPSHOT_POLL_MS})
 * @param maxBackoff          longest wait between reconnection attempts ({@code CALLSIGN_SNAPSHOT_MAX_BACKOFF_SECONDS})
 * @param patchLimit          changed keys per poll above which the view reloads instead of patching
 * @param compactAbove        overlay entries above which changes are folded into the base arrays
 * @param changeRetention     change-log rows older than this are pruned ({@code CALLSIGN_CHANGE_RETENTION_MINUTES})
 * @param fetchSize           rows per round trip during a full load
 */
public record ProvisioningViewConfig(Duration fullRefreshInterval, Duration pollInterval, Duration maxBackoff,
        int patchLimit, int compactAbove, Duration changeRetention, int fetchSize) {

    public ProvisioningViewConfig {
        List<String> problems = new ArrayList<>();
        positive(problems, "full refresh interval", fullRefreshInterval);
        positive(problems, "poll interval", pollInterval);
        positive(problems, "maximum back-off", maxBackoff);
        positive(problems, "change retention", changeRetention);
        if (patchLimit < 1 || compactAbove < 1 || fetchSize < 1) {
            problems.add("patch limit, compaction threshold and fetch size must be at least 1 (got "
                    + patchLimit + ", " + compactAbove + ", " + fetchSize + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid provisioning view settings: " + String.join("; ", problems));
        }
    }

    public static ProvisioningViewConfig defaults() {
        return new ProvisioningViewConfig(Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30),
                10_000, 10_000, Duration.ofHours(1), 10_000);
    }

    public ProvisioningViewConfig withFullRefreshInterval(Duration interval) {
        return new ProvisioningViewConfig(interval, pollInterval, maxBackoff, patchLimit, compactAbove, changeRetention, fetchSize);
    }

    public ProvisioningViewConfig withPollInterval(Duration interval) {
        return new ProvisioningViewConfig(fullRefreshInterval, interval, maxBackoff, patchLimit, compactAbove, changeRetention, fetchSize);
    }

    public ProvisioningViewConfig withMaxBackoff(Duration backoff) {
        return new ProvisioningViewConfig(fullRefreshInterval, pollInterval, backoff, patchLimit, compactAbove, changeRetention, fetchSize);
    }

    private static void positive(List<String> problems, String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(what + " must be a positive duration, not " + value);
        }
    }
}
