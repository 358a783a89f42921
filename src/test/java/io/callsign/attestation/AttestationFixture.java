package io.callsign.attestation;

import io.callsign.numbers.NumberSnapshot;
import io.callsign.numbers.TrunkKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One in-memory snapshot (no database) covering every origin kind and ownership case. */
final class AttestationFixture {

    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final NumberSnapshot VIEW = NumberSnapshot.builder()
            .subscriber("acct-42", "Acme", true)
            .subscriber("acct-7", "Other", true)
            .subscriber("acct-nokyc", "Unknown Ltd", false)
            .user("alice@ims.local", "acct-42")
            .user("bob@ims.local", "acct-7")
            .user("carol@ims.local", "acct-nokyc")
            .number("15145559876", "acct-42", true)
            .number("15145559877", "acct-42", false)
            .number("15145550000", "acct-7", true)
            .number("15145558888", "acct-nokyc", true)
            // expired row of acct-42 inside acct-7's block: the block applies again
            .number("16135550001", "acct-42", true, null, Instant.parse("2026-01-01T00:00:00Z"))
            // acct-42's own row inside acct-7's block: the row wins
            .number("16135559999", "acct-42", true)
            // acct-7's row inside acct-42's block
            .number("14385550001", "acct-7", true)
            .block("b-42v", "1438555", "acct-42", true)
            .block("b-42u", "1438666", "acct-42", false)
            .block("b-7", "1613555", "acct-7", true)
            .trunk("pbx-42", TrunkKind.CUSTOMER, "acct-42", "203.0.113.0/24", "2001:db8:42::/48")
            .trunk("pbx-ghost", TrunkKind.CUSTOMER, "acct-gone")
            .trunk("core", TrunkKind.INTERNAL, null, "10.0.0.0/8")
            .trunk("pstn-gw-1", TrunkKind.GATEWAY, null, "198.18.0.0/15")
            .trunk("peer-1", TrunkKind.PEERING, null, "192.0.2.0/24", "2001:db8:99::/48")
            .build();

    private AttestationFixture() {
    }

    static AttestationPolicy policy(AttestationConfig config) {
        return new AttestationPolicy(config, CLOCK);
    }

    static AttestationPolicy auto() {
        return policy(AttestationConfig.defaults());
    }
}
