package io.callsign.attestation;

import static io.callsign.attestation.AttestationFixture.VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every origin kind against every ownership case (API.md "Attestation when SBC_STIR_ATTESTATION=auto";
 * SIGN-13): origins that identify acct-42 give A or B by ownership; the others always give C.
 */
class AttestationMatrixTest {

    /** Origins that identify subscriber acct-42. */
    static final Map<String, CallOrigin> IDENTIFYING = new LinkedHashMap<>();
    /** Origins that identify nobody, or another network. */
    static final Map<String, CallOrigin> NOT_IDENTIFYING = new LinkedHashMap<>();
    /** Calling number to the level an identified acct-42 gets. */
    static final Map<String, AttestationLevel> OWNERSHIP = new LinkedHashMap<>();

    static {
        IDENTIFYING.put("customer trunk by name", CallOrigin.of("pbx-42", null, null, null, null));
        IDENTIFYING.put("customer trunk by IPv4 source", CallOrigin.of(null, "203.0.113.10", null, null, null));
        IDENTIFYING.put("customer trunk by IPv6 source", CallOrigin.of(null, "2001:db8:42::1", null, null, null));
        IDENTIFYING.put("customer trunk beats another subscriber's auth user", CallOrigin.of("pbx-42", null, "bob@ims.local", null, null));
        IDENTIFYING.put("unknown trunk name, source on customer trunk", CallOrigin.of("nope", "203.0.113.10", null, null, null));
        IDENTIFYING.put("internal trunk + auth user", CallOrigin.of("core", null, "alice@ims.local", false, null));
        IDENTIFYING.put("internal trunk by source + auth user", CallOrigin.of(null, "10.1.1.1", "sip:alice@IMS.local", false, null));
        IDENTIFYING.put("internal trunk + registered From", CallOrigin.of("core", null, null, true, "<sip:alice@ims.local>;tag=9"));
        IDENTIFYING.put("no trunk + auth user", CallOrigin.of(null, "198.51.100.9", "alice@ims.local", false, null));
        IDENTIFYING.put("nothing but a registered From", CallOrigin.of(null, null, null, true, "alice@ims.local"));

        NOT_IDENTIFYING.put("gateway trunk by name, even with a subscriber's auth user", CallOrigin.of("pstn-gw-1", null, "alice@ims.local", true, "alice@ims.local"));
        NOT_IDENTIFYING.put("gateway trunk by source", CallOrigin.of(null, "198.19.4.4", null, null, null));
        NOT_IDENTIFYING.put("peering trunk by IPv4 source", CallOrigin.of(null, "192.0.2.10", null, null, null));
        NOT_IDENTIFYING.put("peering trunk by IPv6 source", CallOrigin.of(null, "2001:db8:99::7", "alice@ims.local", null, null));
        NOT_IDENTIFYING.put("internal trunk, unauthenticated", CallOrigin.of("core", null, null, false, "alice@ims.local"));
        NOT_IDENTIFYING.put("internal trunk, unknown auth user", CallOrigin.of("core", null, "mallory@ims.local", false, null));
        NOT_IDENTIFYING.put("internal trunk, registered but unknown From", CallOrigin.of("core", null, null, true, "mallory@ims.local"));
        NOT_IDENTIFYING.put("unknown auth user is not rescued by a registered From", CallOrigin.of("core", null, "eve@ims.local", true, "alice@ims.local"));
        NOT_IDENTIFYING.put("registered without a From AOR", CallOrigin.of(null, null, null, true, null));
        NOT_IDENTIFYING.put("unknown source", CallOrigin.of(null, "198.51.100.9", null, false, null));
        NOT_IDENTIFYING.put("unknown trunk name and unknown source", CallOrigin.of("nope", "198.51.100.9", null, false, null));
        NOT_IDENTIFYING.put("nothing at all", CallOrigin.of(null, null, null, null, null));
        NOT_IDENTIFYING.put("customer trunk of a subscriber that is gone", CallOrigin.of("pbx-ghost", null, null, null, null));

        OWNERSHIP.put("15145559876", AttestationLevel.A); // own number, verified
        OWNERSHIP.put("15145559877", AttestationLevel.B); // own number, unverified
        OWNERSHIP.put("14385550123", AttestationLevel.A); // own block, verified
        OWNERSHIP.put("14386660123", AttestationLevel.B); // own block, unverified
        OWNERSHIP.put("15145550000", AttestationLevel.B); // another subscriber's number
        OWNERSHIP.put("16135550123", AttestationLevel.B); // another subscriber's block
        OWNERSHIP.put("4930123456", AttestationLevel.B); // nobody's
        OWNERSHIP.put("16135550001", AttestationLevel.B); // own row expired: another's block applies
        OWNERSHIP.put("16135559999", AttestationLevel.A); // own row inside another's block
        OWNERSHIP.put("14385550001", AttestationLevel.B); // another's row inside own block
    }

    static Stream<Arguments> identified() {
        List<Arguments> cases = new ArrayList<>();
        IDENTIFYING.forEach((origin, call) -> OWNERSHIP.forEach((tn, level) -> cases.add(Arguments.of(origin, call, tn, level))));
        return cases.stream();
    }

    static Stream<Arguments> notIdentified() {
        List<Arguments> cases = new ArrayList<>();
        NOT_IDENTIFYING.forEach((origin, call) -> OWNERSHIP.keySet().forEach(tn -> cases.add(Arguments.of(origin, call, tn))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {2} -> {3}")
    @MethodSource("identified")
    void identifiedSubscriberGetsAOrBByOwnership(String origin, CallOrigin call, String tn, AttestationLevel expected) {
        AttestationDecision decision = AttestationFixture.auto().decide(call, tn, null, VIEW);
        assertThat(decision.level()).as(decision.reason()).isEqualTo(expected);
        assertThat(decision.subscriberId()).isEqualTo("acct-42");
        assertThat(decision.reason()).contains("acct-42").contains(tn);
    }

    @ParameterizedTest(name = "{0}, {2} -> C")
    @MethodSource("notIdentified")
    void unidentifiedOrForeignOriginGetsC(String origin, CallOrigin call, String tn) {
        AttestationDecision decision = AttestationFixture.auto().decide(call, tn, null, VIEW);
        assertThat(decision.level()).as(decision.reason()).isEqualTo(AttestationLevel.C);
        assertThat(decision.subscriberId()).isNull();
        assertThat(decision.reason()).isNotBlank();
    }
}
