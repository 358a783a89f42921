package io.callsign.verification;

import io.callsign.ops.Metrics;
import io.callsign.passport.Reason;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The verifier's counters, created once so that counting a verdict is a few LongAdder increments:
 * {@code callsign_verify_total{verstat,reason}}, {@code callsign_verify_attestation_total{attest}}
 * (passed verdicts only, SEC-13), {@code callsign_verify_headers_total{outcome}} and
 * {@code callsign_verify_replays_total}. Thread-safe.
 */
final class VerifyMetrics {

    private static final String VERIFY = "callsign_verify_total";
    private static final String VERIFY_HELP = "Verification verdicts by verstat and reason";

    private final LongAdder passed;
    private final LongAdder noIdentity;
    private final LongAdder unsupportedOnly;
    private final Map<Reason, LongAdder> failed = new EnumMap<>(Reason.class);
    private final Map<String, LongAdder> attestations;
    private final Map<String, LongAdder> headers;
    private final LongAdder replays;

    VerifyMetrics(Metrics metrics) {
        passed = metrics.counter(VERIFY, VERIFY_HELP, "verstat", Reason.Verstat.PASSED, "reason", "verified");
        noIdentity = metrics.counter(VERIFY, VERIFY_HELP, "verstat", Reason.Verstat.NO_VALIDATION, "reason", "no_identity");
        unsupportedOnly = metrics.counter(VERIFY, VERIFY_HELP, "verstat", Reason.Verstat.NO_VALIDATION,
                "reason", "unsupported_ppt");
        for (Reason reason : Reason.values()) {
            failed.put(reason, metrics.counter(VERIFY, VERIFY_HELP, "verstat", reason.verstat(),
                    "reason", reason.name().toLowerCase(Locale.ROOT)));
        }
        String help = "Passed verdicts by the attestation level of the verified PASSporT";
        attestations = Map.of(
                "A", metrics.counter("callsign_verify_attestation_total", help, "attest", "A"),
                "B", metrics.counter("callsign_verify_attestation_total", help, "attest", "B"),
                "C", metrics.counter("callsign_verify_attestation_total", help, "attest", "C"));
        String headerHelp = "Identity headers evaluated, by outcome";
        headers = Map.of(
                "passed", metrics.counter("callsign_verify_headers_total", headerHelp, "outcome", "passed"),
                "failed", metrics.counter("callsign_verify_headers_total", headerHelp, "outcome", "failed"),
                "ignored", metrics.counter("callsign_verify_headers_total", headerHelp, "outcome", "ignored"));
        replays = metrics.counter("callsign_verify_replays_total",
                "Verified PASSporTs seen again for another call within the freshness window (VER-20)");
    }

    /** Incremented by the {@link ReplayGuard} for each replay it detects. */
    LongAdder replays() {
        return replays;
    }

    void record(Verdict verdict, List<HeaderOutcome> outcomes) {
        for (HeaderOutcome outcome : outcomes) {
            headers.get(outcome instanceof HeaderOutcome.Passed ? "passed"
                    : outcome instanceof HeaderOutcome.Failed ? "failed" : "ignored").increment();
        }
        if (verdict instanceof Verdict.Passed passed) {
            this.passed.increment();
            // SEC-13: the attestation is counted only here, after the signature verified.
            attestations.get(passed.header().passport().claims().attest()).increment();
        } else if (verdict instanceof Verdict.Failed failure) {
            failed.get(failure.reason()).increment();
        } else if (outcomes.isEmpty()) {
            noIdentity.increment();
        } else {
            unsupportedOnly.increment();
        }
    }
}
