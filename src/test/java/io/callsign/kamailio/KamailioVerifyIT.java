package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inbound calls with real SIP: sipp UAC → Kamailio (kamailio-cfg/kamailio.cfg, verify role) → sipp
 * UAS, in both modes, with Identity headers made by Callsign and by libsecsipid (secsipidx), then
 * altered, stale or for another caller. With CALLSIGN_VERIFY_FAILURE=continue the UAS sees the
 * verdict headers; with reject the UAC gets the RFC 8224 code. Spoofed verdicts never get through.
 */
class KamailioVerifyIT {

    private static final String CALLER = "+15145559876";
    private static final String SPOOFED_PAI = "P-Asserted-Identity: <sip:" + CALLER
            + ";verstat=TN-Validation-Passed-spoofed@ims.local;user=phone>";
    private static final String SPOOFED_VERDICT = "X-STIR-Verified: spoofed";

    @TempDir
    static Path dir;
    private static LabCallsign continuing;
    private static LabCallsign rejecting;

    @BeforeAll
    static void start() {
        continuing = LabCallsign.start(dir.resolve("continue"), Map.of("CALLSIGN_VERIFY_FAILURE", "continue"));
        rejecting = LabCallsign.start(dir.resolve("reject"), Map.of("CALLSIGN_VERIFY_FAILURE", "reject"));
    }

    @AfterAll
    static void stop() {
        for (LabCallsign callsign : new LabCallsign[] {continuing, rejecting}) {
            if (callsign != null) {
                callsign.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void marksEachCallWithItsVerdictAndNeverPassesASpoofedOne(ProxyMode mode) {
        int uasPort = Ports.freeUdp();
        try (Kamailio proxy = verifier(mode, continuing, uasPort)) {
            String label = "continue-" + mode.name().toLowerCase();
            LabCallsign.Signed signed = continuing.sign(CALLER, "127.0.0.2");

            // Signed by Callsign, delivered with spoofed verdicts in PAI, From and X-STIR-Verified (VER-19).
            SipMessage passed = Calls.answered(dir, label + "-callsign", proxy.address(), uasPort,
                    uac -> uac.caller(CALLER + ";verstat=TN-Validation-Passed-spoofed")
                            .headers("Identity: " + signed.identity(), "Date: " + signed.date(), SPOOFED_PAI, SPOOFED_VERDICT))
                    .delivered();
            assertVerdict(passed, "true", "TN-Validation-Passed");
            assertThat(passed.header("X-STIR-Attestation")).contains("C");
            assertThat(passed.header("From").orElseThrow()).doesNotContain("verstat");

            // Signed by libsecsipid with the lab key (attestation A): another implementation's PASSporT.
            Instant now = Instant.now();
            String foreign = Secsipidx.sign(dir, continuing.keyPem(), continuing.credentials().x5u().toString(),
                    "A", "15145559876", "15145551234", now.getEpochSecond());
            SipMessage secsipid = Calls.answered(dir, label + "-secsipid", proxy.address(), uasPort,
                    uac -> uac.headers("Identity: " + foreign, "Date: " + SipDates.format(now))).delivered();
            assertVerdict(secsipid, "true", "TN-Validation-Passed");
            assertThat(secsipid.header("X-STIR-Attestation")).contains("A");

            // RFC 8224 §6.2.2: each failure is marked, with the cause in a Reason header (VER-16).
            assertFailed(Calls.answered(dir, label + "-tampered", proxy.address(), uasPort,
                    uac -> uac.headers(tampered(signed), "Date: " + signed.date(), SPOOFED_VERDICT)).delivered(), 438);
            assertFailed(Calls.answered(dir, label + "-stale", proxy.address(), uasPort,
                    uac -> uac.headers(stale(continuing), "Date: " + SipDates.format(now.minusSeconds(300)))).delivered(), 403);
            assertFailed(Calls.answered(dir, label + "-wrong-orig", proxy.address(), uasPort,
                    uac -> uac.caller("+15145550000").headers("Identity: " + signed.identity(), "Date: " + signed.date()))
                    .delivered(), 438);

            // No Identity at all: no validation, and still no spoofed verdict.
            SipMessage none = Calls.answered(dir, label + "-none", proxy.address(), uasPort,
                    uac -> uac.headers(SPOOFED_PAI, SPOOFED_VERDICT)).delivered();
            assertVerdict(none, "false", "No-TN-Validation");
        }
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void rejectsWithTheRfc8224CodeWhenCallsignsPolicyRejects(ProxyMode mode) {
        int uasPort = Ports.freeUdp();
        try (Kamailio proxy = verifier(mode, rejecting, uasPort)) {
            String label = "reject-" + mode.name().toLowerCase();
            LabCallsign.Signed signed = rejecting.sign(CALLER, "127.0.0.2");
            // In the first mode this is the instance's first verification: its x5u cache is cold, and
            // the fetch must fit in the proxy's verification timeout (it once did not).
            SipMessage passed = Calls.answered(dir, label + "-valid", proxy.address(), uasPort,
                    uac -> uac.headers("Identity: " + signed.identity(), "Date: " + signed.date())).delivered();
            assertVerdict(passed, "true", "TN-Validation-Passed");

            assertRejected(proxy, label + "-tampered", 438, tampered(signed), "Date: " + signed.date());
            assertRejected(proxy, label + "-stale", 403, stale(rejecting),
                    "Date: " + SipDates.format(Instant.now().minusSeconds(300)));
            Sipp.Result wrongOrig = Calls.rejected(dir, label + "-wrong-orig", proxy.address(),
                    uac -> uac.caller("+15145550000").headers("Identity: " + signed.identity(), "Date: " + signed.date()));
            assertThat(wrongOrig.trace().finalResponse().status()).as(wrongOrig.describe()).isEqualTo(438);
        }
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void stripsSpoofedVerdictsEvenWhenCallsignIsDown(ProxyMode mode) {
        int uasPort = Ports.freeUdp();
        int closed = Ports.freeTcp(); // nothing listens there
        String label = "down-" + mode.name().toLowerCase();
        List<String> defines = new ArrayList<>(mode.defines(closed));
        defines.add("CALLSIGN_ROLE_VERIFY");
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort));
        try (Kamailio proxy = Kamailio.example(dir, defines)) {
            // Fail-open: forwarded without a verdict, and without the spoofed ones (VER-19).
            SipMessage invite = Calls.answered(dir, label + "-open", proxy.address(), uasPort,
                    uac -> uac.headers(SPOOFED_PAI, SPOOFED_VERDICT)).delivered();
            assertThat(invite.headerNames()).doesNotContain("X-STIR-Verified", "X-STIR-Verstat");
            assertThat(invite.text()).doesNotContain("spoofed").doesNotContain("verstat");
            assertThat(invite.header("P-Asserted-Identity")).contains("<sip:" + CALLER + "@ims.local;user=phone>");
        }
        defines.add("CALLSIGN_VERIFY_FAIL_CLOSED");
        try (Kamailio proxy = Kamailio.example(dir, defines)) {
            Sipp.Result caller = Calls.rejected(dir, label + "-closed", proxy.address(), uac -> uac.headers(SPOOFED_PAI));
            assertThat(caller.trace().finalResponse().status()).as(caller.describe()).isEqualTo(503);
        }
    }

    private static Kamailio verifier(ProxyMode mode, LabCallsign callsign, int uasPort) {
        List<String> defines = new ArrayList<>(mode.defines(mode.port(callsign)));
        defines.add("CALLSIGN_ROLE_VERIFY");
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort));
        Kamailio proxy = Kamailio.example(dir, defines);
        if (mode == ProxyMode.RPC) {
            proxy.awaitRpcConnected(1);
        }
        return proxy;
    }

    /** The header with its payload's attest changed and the signature kept. */
    private static String tampered(LabCallsign.Signed signed) {
        IdentityValue original = IdentityValue.parse(signed.identity());
        return "Identity: " + original.withAttest(original.attest().equals("A") ? "B" : "A").raw();
    }

    /** A correctly signed header whose iat (like the Date sent with it) is five minutes old (VER-05/06). */
    private static String stale(LabCallsign callsign) {
        return "Identity: " + Secsipidx.sign(dir, callsign.keyPem(), callsign.credentials().x5u().toString(),
                "A", "15145559876", "15145551234", Instant.now().minusSeconds(300).getEpochSecond());
    }

    private static void assertRejected(Kamailio proxy, String label, int code, String... headers) {
        Sipp.Result caller = Calls.rejected(dir, label, proxy.address(), uac -> uac.headers(headers));
        assertThat(caller.trace().finalResponse().status()).as(caller.describe()).isEqualTo(code);
    }

    private static void assertFailed(SipMessage invite, int cause) {
        assertVerdict(invite, "false", "TN-Validation-Failed");
        assertThat(invite.header("Reason")).as(invite.text()).hasValueSatisfying(reason ->
                assertThat(reason).contains("cause=" + cause));
    }

    /** Exactly one verdict, Callsign's, in X-STIR-* and in the PAI's verstat; nothing spoofed left. */
    private static void assertVerdict(SipMessage invite, String verified, String verstat) {
        assertThat(invite.headers("X-STIR-Verified")).as(invite.text()).containsExactly(verified);
        assertThat(invite.headers("X-STIR-Verstat")).containsExactly(verstat);
        assertThat(invite.text()).doesNotContain("spoofed");
        invite.header("P-Asserted-Identity").ifPresent(pai -> assertThat(pai).contains(";verstat=" + verstat + "@"));
    }

}
