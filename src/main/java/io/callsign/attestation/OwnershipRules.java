package io.callsign.attestation;

import io.callsign.numbers.Assignment;
import io.callsign.numbers.BlockAssignment;
import io.callsign.numbers.NumberAssignment;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.numbers.Subscriber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A for an identified subscriber that holds the calling number (its own row in force first, else
 * the longest matching block) with verified ownership; B for an identified subscriber otherwise
 * (API.md; ATIS-1000074 §5.2.3). With {@code requireVerifiedSubscriber}, a subscriber not verified
 * (KYC) gets B at most. Pure; appends one sentence per step to {@code steps}.
 */
final class OwnershipRules {

    private OwnershipRules() {
    }

    static AttestationDecision decide(Origin.Subscriber caller, String tn, Instant at, NumberSnapshot view,
            boolean requireVerifiedSubscriber, List<String> steps) {
        String id = caller.subscriberId();
        Optional<Subscriber> subscriber = view.subscriber(id);
        if (subscriber.isEmpty()) {
            String reason = caller.how() + " names subscriber " + id + ", which is not provisioned";
            steps.add(reason);
            return new AttestationDecision(AttestationLevel.C, null, reason);
        }
        steps.add("subscriber " + id + " is " + (subscriber.get().verified() ? "" : "not ") + "verified (KYC)");
        view.number(tn).filter(row -> !row.inForceAt(at)).ifPresent(row -> steps.add("the number row of " + tn
                + " (subscriber " + row.subscriberId() + ") is not in force at " + at + window(row) + ": ignored"));
        Optional<Assignment> held = view.assignment(tn, at);
        steps.add(held.map(a -> tn + " is assigned to " + a.subscriberId() + via(a) + ", "
                + (a.verified() ? "verified" : "not verified")).orElse(tn + " is not assigned, by number or block"));
        return judge(caller, subscriber.get(), tn, held, requireVerifiedSubscriber);
    }

    private static AttestationDecision judge(Origin.Subscriber caller, Subscriber subscriber, String tn,
            Optional<Assignment> held, boolean requireVerifiedSubscriber) {
        String id = subscriber.id();
        if (held.isEmpty()) {
            return b(id, "subscriber " + id + " is identified by " + caller.how() + " but " + tn
                    + " is not assigned to any subscriber");
        }
        Assignment a = held.get();
        if (!a.subscriberId().equals(id)) {
            return b(id, "subscriber " + id + " is identified by " + caller.how() + " but " + tn + " belongs to "
                    + a.subscriberId() + via(a));
        }
        if (!a.verified()) {
            return b(id, "subscriber " + id + " holds " + tn + via(a) + " but its ownership is not verified");
        }
        if (requireVerifiedSubscriber && !subscriber.verified()) {
            return b(id, "subscriber " + id + " holds " + tn + via(a) + " (verified) but the subscriber is not verified (KYC)");
        }
        return new AttestationDecision(AttestationLevel.A, id, "subscriber " + id + " holds " + tn + via(a) + " (verified)");
    }

    private static AttestationDecision b(String subscriberId, String reason) {
        return new AttestationDecision(AttestationLevel.B, subscriberId, reason);
    }

    /** "" for the number's own row, " through block b-1 (prefix 1514555)" for a block. */
    private static String via(Assignment assignment) {
        if (assignment instanceof BlockAssignment block) {
            return " through block " + block.id() + " (prefix " + block.prefix() + ")";
        }
        return "";
    }

    private static String window(NumberAssignment row) {
        return " (valid " + (row.validFrom() == null ? "" : "from " + row.validFrom() + " ")
                + (row.validUntil() == null ? "with no end" : "until " + row.validUntil()) + ")";
    }
}
