package io.callsign.signing;

import io.callsign.ops.Metrics;
import java.util.concurrent.atomic.LongAdder;

/** Counters of sign outcomes: signed per attestation level, and not signed. Lock-free. */
public final class SigningMetrics {

    private final LongAdder signedA;
    private final LongAdder signedB;
    private final LongAdder signedC;
    private final LongAdder notSigned;

    public SigningMetrics(Metrics metrics) {
        String name = "callsign_sign_total";
        String help = "Sign requests answered, by outcome";
        signedA = metrics.counter(name, help, "outcome", "signed", "attest", "A");
        signedB = metrics.counter(name, help, "outcome", "signed", "attest", "B");
        signedC = metrics.counter(name, help, "outcome", "signed", "attest", "C");
        notSigned = metrics.counter(name, help, "outcome", "not_signed", "attest", "");
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
