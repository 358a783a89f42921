package io.callsign.attestation;

import java.util.List;

/**
 * A decision with every step that led to it, in order, for operators ("why did this call get B?").
 *
 * @param decision the same decision {@link AttestationPolicy#decide} returns
 * @param steps    one sentence per fact looked up or rule applied
 */
public record AttestationExplanation(AttestationDecision decision, List<String> steps) {
    public AttestationExplanation {
        steps = List.copyOf(steps);
    }
}
