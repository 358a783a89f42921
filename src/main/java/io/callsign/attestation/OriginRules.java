package io.callsign.attestation;

import io.callsign.numbers.Cidr;
import io.callsign.numbers.NumberSnapshot;
import io.callsign.numbers.Trunk;
import io.callsign.numbers.TrunkKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, per API.md "Attestation when SBC_STIR_ATTESTATION=auto": the trunk named by the
 * proxy when provisioned, else the trunk whose CIDR matches the source address most specifically.
 * Gateway and peering trunks carry other networks' calls; a customer trunk identifies its subscriber;
 * on an internal trunk, or with no trunk at all, the authenticated user identifies the subscriber,
 * else the registered From AOR. Pure; appends one sentence per step to {@code steps}.
 */
final class OriginRules {

    private OriginRules() {
    }

    static Origin resolve(CallOrigin call, NumberSnapshot view, List<String> steps) {
        String where = null;
        Optional<Trunk> trunk = Optional.empty();
        if (call.trunk() != null) {
            trunk = view.trunk(call.trunk());
            where = trunk.isPresent() ? null : "trunk " + call.trunk() + " is not provisioned";
            steps.add(trunk.map(t -> "the proxy names " + t.kind().sqlName() + " trunk " + t.name())
                    .orElse("the proxy names trunk " + call.trunk() + ", which is not provisioned; trying the source address"));
        }
        if (trunk.isEmpty() && call.sourceIp() != null) {
            String ip = call.sourceIp().getHostAddress();
            trunk = view.trunkFor(call.sourceIp());
            steps.add(trunk.map(t -> "source " + ip + " is in " + matched(t, call) + " of " + t.kind().sqlName() + " trunk " + t.name())
                    .orElse("no trunk matches source " + ip));
            where = trunk.isPresent() ? null : (where == null ? "" : where + " and ") + "no trunk matches source " + ip;
        }
        if (trunk.isEmpty() && where == null) {
            where = "no trunk or source address was given";
            steps.add(where);
        }
        if (trunk.isPresent()) {
            Trunk t = trunk.get();
            if (t.kind() == TrunkKind.GATEWAY || t.kind() == TrunkKind.PEERING) {
                return new Origin.Foreign(t);
            }
            if (t.kind() == TrunkKind.CUSTOMER) {
                steps.add("customer trunk " + t.name() + " belongs to subscriber " + t.subscriberId());
                return new Origin.Subscriber(t.subscriberId(), "customer trunk " + t.name());
            }
            where = "call entered on internal trunk " + t.name();
            steps.add("on an internal trunk the caller must be identified by an authenticated or registered user");
        }
        return byUser(call, view, steps, where);
    }

    private static String matched(Trunk trunk, CallOrigin call) {
        return trunk.cidrs().stream().filter(c -> c.contains(call.sourceIp()))
                .max(Comparator.comparingInt(Cidr::prefixLength)).map(Cidr::toString).orElse("a network");
    }

    /**
     * An authenticated user decides alone: when it maps to nobody, a registered From does not rescue
     * the call (the From is the caller's claim; authentication is the stronger fact). {@code registered}
     * must mean that the request came from a contact registered for the From AOR, not merely that the
     * AOR has some registration.
     */
    private static Origin byUser(CallOrigin call, NumberSnapshot view, List<String> steps, String where) {
        if (call.authUser() != null) {
            Optional<String> subscriber = view.subscriberOfUser(call.authUser());
            if (subscriber.isPresent()) {
                steps.add("auth user " + call.authUser() + " is a SIP user of subscriber " + subscriber.get());
                return new Origin.Subscriber(subscriber.get(), "auth user " + call.authUser());
            }
            String who = "auth user " + call.authUser() + " is not a SIP user of any subscriber";
            steps.add(who);
            return new Origin.Unknown(where + " and " + who);
        }
        if (!call.registered()) {
            steps.add("the proxy reports no authenticated user and no registration");
            return new Origin.Unknown(where + " and the caller is not authenticated");
        }
        if (call.fromAor() == null) {
            steps.add("the proxy reports the caller registered but gives no From AOR to match");
            return new Origin.Unknown(where + " and the caller is not authenticated (registered, but no From AOR was given)");
        }
        Optional<String> subscriber = view.subscriberOfUser(call.fromAor());
        if (subscriber.isPresent()) {
            steps.add("registered contact " + call.fromAor() + " is a SIP user of subscriber " + subscriber.get());
            return new Origin.Subscriber(subscriber.get(), "registered contact " + call.fromAor());
        }
        String who = "registered contact " + call.fromAor() + " is not a SIP user of any subscriber";
        steps.add(who);
        return new Origin.Unknown(where + " and the caller is not authenticated; " + who);
    }
}
