package io.callsign.attestation;

import io.callsign.numbers.NumberSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides the attestation level of a call to be signed: the configured fixed level, or in auto mode
 * the rules of API.md (see {@link OriginRules} and {@link OwnershipRules}), then a per-call
 * {@code attest} as far as the {@link OverridePolicy} lets it. No I/O: the caller passes the current
 * snapshot; the clock only says which number validity windows are in force. Thread-safe.
 */
public final class AttestationPolicy {

    /** The call path needs the decision only; the steps of {@link #explain} are dropped, not kept. */
    private static final List<String> NO_STEPS = new AbstractList<>() {
        @Override
        public boolean add(String step) {
            return true;
        }

        @Override
        public String get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    };

    private final AttestationConfig config;
    private final Clock clock;

    public AttestationPolicy(AttestationConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The level for a call from {@code origin} with calling number {@code callingTn} (canonical E.164
     * digits), and the one-sentence reason.
     *
     * @param requested the request's {@code attest}, or null
     */
    public AttestationDecision decide(CallOrigin origin, String callingTn, AttestationLevel requested,
            NumberSnapshot view) {
        return decide(origin, callingTn, requested, view, NO_STEPS);
    }

    /** The same decision with every step that led to it. */
    public AttestationExplanation explain(CallOrigin origin, String callingTn, AttestationLevel requested,
            NumberSnapshot view) {
        List<String> steps = new ArrayList<>();
        AttestationDecision decision = decide(origin, callingTn, requested, view, steps);
        steps.add("decision: " + decision.level() + " (" + decision.level().description() + "): " + decision.reason());
        return new AttestationExplanation(decision, steps);
    }

    private AttestationDecision decide(CallOrigin origin, String callingTn, AttestationLevel requested,
            NumberSnapshot view, List<String> steps) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(view, "view");
        if (!isCanonical(callingTn)) {
            throw new IllegalArgumentException("calling number '" + callingTn
                    + "' is not canonical E.164 digits (1 to 15 digits, no '+'); canonicalise it before deciding attestation");
        }
        AttestationDecision decision = config.mode().fixedLevel()
                .map(level -> fixed(level, steps))
                .orElseGet(() -> auto(origin, callingTn, clock.instant(), view, steps));
        return requested == null ? decision : override(decision, requested, steps);
    }

    private static AttestationDecision fixed(AttestationLevel level, List<String> steps) {
        String reason = "attestation is configured as " + level + " for every call";
        steps.add(reason);
        return new AttestationDecision(level, null, reason);
    }

    private AttestationDecision auto(CallOrigin origin, String tn, Instant now, NumberSnapshot view, List<String> steps) {
        Origin caller = OriginRules.resolve(origin, view, steps);
        if (caller instanceof Origin.Foreign foreign) {
            String kind = foreign.trunk().kind().sqlName();
            return new AttestationDecision(AttestationLevel.C, null, "call entered on " + kind + " trunk "
                    + foreign.trunk().name() + " (" + kind + "): gateway attestation");
        }
        if (caller instanceof Origin.Unknown unknown) {
            return new AttestationDecision(AttestationLevel.C, null, unknown.why());
        }
        return OwnershipRules.decide((Origin.Subscriber) caller, tn, now, view, config.requireVerifiedSubscriber(), steps);
    }

    private AttestationDecision override(AttestationDecision decided, AttestationLevel requested, List<String> steps) {
        return switch (config.override()) {
            case ALLOW -> replaced(decided, requested, "overrides allowed", steps);
            case DOWNGRADE -> decided.level().strongerThan(requested)
                    ? replaced(decided, requested, "it lowers the level, which overrides may do", steps)
                    : requested == decided.level() ? decided : ignored(decided, requested, "overrides may only lower the level", steps);
            case DENY -> ignored(decided, requested, "per-call overrides are not allowed", steps);
        };
    }

    private static AttestationDecision replaced(AttestationDecision decided, AttestationLevel requested, String why,
            List<String> steps) {
        steps.add("per-call attest " + requested + " replaces " + decided.level() + ": " + why);
        return new AttestationDecision(requested, decided.subscriberId(), "attest " + requested + " requested per call ("
                + why + "); the policy alone gives " + decided.level() + ": " + decided.reason());
    }

    private static AttestationDecision ignored(AttestationDecision decided, AttestationLevel requested, String why,
            List<String> steps) {
        steps.add("per-call attest " + requested + " ignored: " + why);
        return new AttestationDecision(decided.level(), decided.subscriberId(),
                decided.reason() + " (per-call attest " + requested + " ignored: " + why + ")");
    }

    private static boolean isCanonical(String tn) {
        if (tn == null || tn.isEmpty() || tn.length() > 15) {
            return false;
        }
        for (int i = 0; i < tn.length(); i++) {
            if (tn.charAt(i) < '0' || tn.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
