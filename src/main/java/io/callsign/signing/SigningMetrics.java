package io.callsign.signing;

import io.callsign.ops.Metrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of sign outcomes ({@code callsign_sign_total}): signed per attestation level, not signed,
 * and refused as malformed (400). Lock-free.
 */
public final class SigningMetrics {

    private final LongAdder signedA;
    private final LongAdder signedB;
    private final LongAdder signedC;
    private final LongAdder notSigned;
    private final LongAdder malformed;

    public SigningMetrics(Metrics metrics) {
        String name = "callsign_sign_total";
        String help = "Sign requests answered, by outcome";
        signedA = metrics.counter(name, help, "outcome", "signed", "attest", "A");
        signedB = metrics.counter(name, help, "outcome", "signed", "attest", "B");
        signedC = metrics.counter(name, help, "outcome", "signed", "attest", "C");
        notSigned = metrics.counter(name, help, "outcome", "not_signed", "attest", "");
        malformed = metrics.counter(name, help, "outcome", "bad_request", "attest", "");
    }

    void recordMalformed() {
        malformed.increment();
    }

    void record(SignResponse response) {
        if (response.identity() == null) {
            notSigned.increment();
            return;
        }
        switch (response.attest()) {
            case "A" -> signedA.increment();
            case "B" -> signedB.increment();
            default -> signedC.increment();
        }
    }
}
