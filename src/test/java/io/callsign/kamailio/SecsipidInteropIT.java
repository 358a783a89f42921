package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with Kamailio's own secsipid module (libsecsipid), through src/test/resources/kamailio/secsipid.cfg:
 * Identity headers that Callsign adds (via kamailio-cfg/) pass secsipid_check_identity with the
 * certificate published at x5u, validated against the lab root; and Identity headers that
 * secsipid_add_identity adds with the lab key pass Callsign's verification.
 */
class SecsipidInteropIT {

    private static final Path SECSIPID_CFG = Tools.project("src/test/resources/kamailio/secsipid.cfg");

    @TempDir
    static Path dir;
    private static LabCallsign callsign;
    private static Path chain;

    @BeforeAll
    static void start() throws Exception {
        callsign = LabCallsign.start(dir, Map.of());
        chain = Files.writeString(dir.resolve("x5u-chain.pem"), callsign.fetchX5u());
    }

    @AfterAll
    static void stop() {
        if (callsign != null) {
            callsign.close();
        }
    }

    @Test
    void secsipidAcceptsTheIdentityCallsignAdds() {
        int uasPort = Ports.freeUdp();
        try (Kamailio checker = secsipidChecker(uasPort);
                Kamailio signer = Kamailio.example(dir, List.of("CALLSIGN_MODE_HTTP",
                        Kamailio.string("CALLSIGN_HTTPCON", "callsign=>http://127.0.0.1:" + callsign.httpPort()),
                        Kamailio.string("CALLSIGN_NEXT_HOP", "sip:" + checker.address())))) {
            SipMessage invite = Calls.answered(dir, "callsign-to-secsipid", signer.address(), uasPort, uac -> uac).delivered();
            assertThat(invite.headers("Identity")).hasSize(1);
            assertThat(invite.header("X-Secsipid-Check")).as(invite.text()).contains("passed");
        }
    }

    @Test
    void secsipidRejectsACallsignIdentityWhosePayloadWasAltered() {
        String response = callsign.service().postJson("/v1/sign",
                "{\"from\":\"sip:+15145559876@ims.local\",\"to\":\"sip:+15145551234@ims.local\",\"sourceIp\":\"127.0.0.2\"}").body();
        String date = LabCallsign.read(response).path("headers").path("Date").asText();
        IdentityValue forged = IdentityValue.parse(LabCallsign.read(response).path("identity").asText()).withAttest("A");
        try (Kamailio checker = secsipidChecker(Ports.freeUdp())) {
            Sipp.Result caller = Calls.rejected(dir, "forged-to-secsipid", checker.address(),
                    uac -> uac.headers("Identity: " + forged.raw(), "Date: " + date));
            assertThat(caller.trace().finalResponse().status()).as(caller.describe()).isEqualTo(438);
        }
    }

    @Test
    void callsignVerifiesTheIdentitySecsipidAdds() {
        int uasPort = Ports.freeUdp();
        try (Kamailio verifier = Kamailio.example(dir, List.of("CALLSIGN_MODE_HTTP", "CALLSIGN_ROLE_VERIFY",
                        Kamailio.string("CALLSIGN_HTTPCON", "callsign=>http://127.0.0.1:" + callsign.httpPort()),
                        Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort)));
                Kamailio signer = Kamailio.start(SECSIPID_CFG, dir, List.of("SECSIPID_ROLE_SIGN",
                        Kamailio.string("NEXT_HOP", "sip:" + verifier.address()),
                        Kamailio.string("SECSIPID_KEY", callsign.keyPem().toString()),
                        Kamailio.string("SECSIPID_X5U", callsign.credentials().x5u().toString())))) {
            // secsipid_add_identity adds no Date; the caller's Date lets the verifier check freshness.
            SipMessage invite = Calls.answered(dir, "secsipid-to-callsign", signer.address(), uasPort,
                    uac -> uac.headers("Date: " + SipDates.format(Instant.now()))).delivered();
            assertThat(invite.headers("Identity")).hasSize(1);
            assertThat(invite.headers("X-STIR-Verified")).as(invite.text()).containsExactly("true");
            assertThat(invite.headers("X-STIR-Verstat")).containsExactly("TN-Validation-Passed");
            assertThat(invite.headers("X-STIR-Attestation")).containsExactly("A");
        }
    }

    /** secsipid.cfg in its default (check) role, relaying what passes to {@code uasPort}. */
    private static Kamailio secsipidChecker(int uasPort) {
        return Kamailio.start(SECSIPID_CFG, dir, List.of(
                Kamailio.string("NEXT_HOP", "sip:127.0.0.1:" + uasPort),
                Kamailio.string("SECSIPID_CERT", chain.toString()),
                Kamailio.string("SECSIPID_CA_OPT", "CertCAFile=" + callsign.rootPem())));
    }
}
