package io.callsign.numbers;

import java.util.Map;
import java.util.Optional;

/** Test-side access to snapshot patching, for benchmarks outside this package. */
public final class SnapshotProbe {

    private SnapshotProbe() {
    }

    /** {@code snapshot} with one number (re)assigned, as the change feed would apply it. */
    public static NumberSnapshot patchNumber(NumberSnapshot snapshot, String tn, String subscriberId, boolean verified,
            int compactAbove) {
        SnapshotDelta delta = new SnapshotDelta(
                Map.of(DigitKey.encode(tn), Optional.of(new NumberAssignment(tn, subscriberId, verified, null, null))),
                Map.of(), Map.of(), Map.of(), null);
        return snapshot.withChanges(delta, compactAbove);
    }
}
