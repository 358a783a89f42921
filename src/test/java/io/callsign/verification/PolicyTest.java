package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.NOW_S;
import static io.callsign.verification.Fixture.X5U;
import static io.callsign.verification.Fixture.claims;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.FailureKind;
import io.callsign.http.JsonBodies;
import io.callsign.verification.VerificationConfig.Failure;
import io.callsign.verification.VerificationConfig.ReasonProtocol;
import io.callsign.verification.VerificationConfig.VerstatUri;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the proxy is told to do: reject with the RFC 8224 code, or continue with a Reason header
 * (VER-16, VER-17), and the verstat marking of P-Asserted-Identity or From (VER-18, VER-19).
 */
class PolicyTest {

    private static final String PAI = "<sip:+15145559876@ims.local;user=phone>";

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard()
            .failing("https://down.test/c.pem", FailureKind.FETCH_FAILED)
            .failing("https://rogue.test/c.pem", FailureKind.UNTRUSTED);

    private VerificationService service(VerificationConfig config) {
        return Fixture.service(config, credentials);
    }

    private static VerifyRequest call(String pai, String... identity) {
        return new VerifyRequest(List.of(identity), Fixture.FROM, pai, Fixture.TO, null, date(NOW), "c");
    }

    private static String stale() {
        return identity(claims("A", NOW_S - 300));
    }

    private static String at(String x5u) {
        return identity(claims(), x5u, Fixture.LEAF.privateKey());
    }

    @Test
    void ver16_rejectModeGivesCodeAndPhraseAndNoReasonHeader() {
        VerificationService reject = service(VerificationConfig.defaults().withFailure(Failure.REJECT));

        assertThat(reject.verify(call(null, stale())).reject()).isEqualTo(new VerifyResponse.Reject(403, "Stale Date"));
        assertThat(reject.verify(call(null, at("https://down.test/c.pem"))).reject())
                .isEqualTo(new VerifyResponse.Reject(436, "Bad Identity Info"));
        assertThat(reject.verify(call(null, at("https://rogue.test/c.pem"))).reject())
                .isEqualTo(new VerifyResponse.Reject(437, "Unsupported Credential"));
        VerifyResponse invalid = reject.verify(call(null, "garbage;info=<" + X5U + ">"));
        assertThat(invalid.reject()).isEqualTo(new VerifyResponse.Reject(438, "Invalid Identity Header"));
        assertThat(invalid.reasonHeader()).isNull();
        assertThat(invalid.verstat()).isEqualTo("TN-Validation-Failed");
        assertThat(reject.verify(call(null, identity())).reject()).isNull();
        assertThat(reject.verify(call(null)).reject()).as("no Identity, not required").isNull();
    }

    @Test
    void ver16_continueModeGivesTheSipReasonHeaderAndNoReject() {
        VerifyResponse response = service(VerificationConfig.defaults()).verify(call(null, "garbage;info=<" + X5U + ">"));

        assertThat(response.reject()).isNull();
        assertThat(response.reasonHeader()).isEqualTo("SIP;cause=438;text=\"Invalid Identity Header\"");
    }

    @Test
    void ver17_stirProtocolUsesTheStirTokenAndOneValuePerFailedHeaderWithPpi() {
        VerificationService stir = service(VerificationConfig.defaults().withReasonProtocol(ReasonProtocol.STIR));
        String down = at("https://down.test/c.pem");
        String broken = identity(claims(), X5U, Fixture.PKI.leaf(Fixture.PKI.leafSpec()).privateKey());

        VerifyResponse single = stir.verify(call(null, down));
        VerifyResponse two = stir.verify(call(null, down, broken));
        VerifyResponse onePassed = stir.verify(call(null, broken, identity()));

        assertThat(single.reasonHeader()).isEqualTo("STIR;cause=436;text=\"Bad Identity Info\"");
        String downPpi = ".." + down.substring(down.lastIndexOf('.', down.indexOf(';')) + 1, down.indexOf(';'));
        String brokenPpi = ".." + broken.substring(broken.lastIndexOf('.', broken.indexOf(';')) + 1, broken.indexOf(';'));
        assertThat(two.reasonHeader()).isEqualTo("STIR;cause=436;text=\"Bad Identity Info\";ppi=\"" + downPpi + "\", "
                + "STIR;cause=438;text=\"Invalid Identity Header\";ppi=\"" + brokenPpi + "\"");
        assertThat(onePassed.verstat()).isEqualTo("TN-Validation-Passed");
        assertThat(onePassed.reasonHeader()).as("RFC 9410 §5: the failed header is reported even when another passed")
                .isEqualTo("STIR;cause=438;text=\"Invalid Identity Header\";ppi=\"" + brokenPpi + "\"");
    }

    @Test
    void ver18_theVerstatGoesIntoTheUserPartOfThePaiSipUri() {
        VerificationService service = service(VerificationConfig.defaults());

        assertThat(service.verify(call(PAI, identity())).headers()).containsEntry("P-Asserted-Identity",
                "<sip:+15145559876;verstat=TN-Validation-Passed@ims.local;user=phone>");
        assertThat(service.verify(call(PAI, stale())).headers()).containsEntry("P-Asserted-Identity",
                "<sip:+15145559876;verstat=TN-Validation-Failed@ims.local;user=phone>");
        assertThat(service.verify(call("tel:+15145559876")).headers()).containsEntry("P-Asserted-Identity",
                "<tel:+15145559876;verstat=No-TN-Validation>");
    }

    @Test
    void ver19_aSpoofedIncomingVerstatIsReplacedNeverPassedOn() {
        String spoofed = "\"Alice\" <sip:+15145559876;verstat=TN-Validation-Passed@ims.local;user=phone>";

        VerifyResponse response = service(VerificationConfig.defaults()).verify(call(spoofed));

        assertThat(response.verstat()).isEqualTo("No-TN-Validation");
        assertThat(response.headers()).containsEntry("X-STIR-Verified", "false")
                .containsEntry("X-STIR-Verstat", "No-TN-Validation")
                .containsEntry("P-Asserted-Identity", "\"Alice\" <sip:+15145559876;verstat=No-TN-Validation@ims.local;user=phone>");
    }

    @Test
    void ver18_verstatUriSettingChoosesPaiFromOrNothing() {
        VerificationService paiOrFrom = service(VerificationConfig.defaults().withVerstatUri(VerstatUri.PAI_OR_FROM));
        VerificationService off = service(VerificationConfig.defaults().withVerstatUri(VerstatUri.OFF));

        assertThat(service(VerificationConfig.defaults()).verify(call(null, identity())).headers())
                .doesNotContainKeys("P-Asserted-Identity", "From");
        assertThat(paiOrFrom.verify(call(null, identity())).headers()).containsEntry("From",
                "\"Alice\" <sip:+15145559876;verstat=TN-Validation-Passed@ims.local;user=phone>;tag=a1");
        assertThat(off.verify(call(PAI, identity())).headers()).doesNotContainKeys("P-Asserted-Identity", "From");
    }

    @Test
    void responsesStayUnder8KiBWhateverTheRequestCarries() throws Exception {
        String longHost = "h".repeat(5000);
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            headers.add(identity(claims(), "https://" + longHost + i + ".test/c.pem", Fixture.LEAF.privateKey()));
        }
        String longPai = "<sip:+15145559876@" + "p".repeat(400) + ">";
        VerificationService stir = service(VerificationConfig.defaults().withReasonProtocol(ReasonProtocol.STIR));

        VerifyResponse response = stir.verify(new VerifyRequest(headers, Fixture.FROM, longPai, Fixture.TO,
                "x".repeat(3000), date(NOW), "c".repeat(3000)));

        assertThat(response.verstat()).isEqualTo("TN-Validation-Failed");
        assertThat(JsonBodies.MAPPER.writeValueAsBytes(response).length).isLessThan(8192);
    }
}
