package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.X5U;
import static io.callsign.verification.Fixture.claims;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static io.callsign.verification.VerificationServiceTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.FailureKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HDR-08 / RFC 8224 §6.2.2: several Identity headers, each evaluated, one verdict. */
class MultipleHeadersTest {

    private static final String UNREACHABLE = "https://down.test/cert.pem";
    private static final String UNTRUSTED = "https://rogue.test/cert.pem";

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard()
            .failing(UNREACHABLE, FailureKind.FETCH_FAILED).failing(UNTRUSTED, FailureKind.UNTRUSTED);
    private final VerificationService service = Fixture.service(VerificationConfig.defaults(), credentials);

    private static VerifyResponse verify(VerificationService service, String... headers) {
        return service.verify(Fixture.request(List.of(headers), date(NOW)));
    }

    private static String brokenSignature() {
        return identity(claims(), X5U, Fixture.PKI.leaf(Fixture.PKI.leafSpec()).privateKey());
    }

    private static String at(String x5u) {
        return identity(claims(), x5u, Fixture.LEAF.privateKey());
    }

    @Test
    void hdr08_oneBrokenSignatureAndOneValidHeaderPassInEitherOrder() {
        VerifyResponse brokenFirst = verify(service, brokenSignature(), identity());
        VerifyResponse validFirst = verify(service, identity(), brokenSignature());

        assertThat(brokenFirst.verstat()).isEqualTo("TN-Validation-Passed");
        assertThat(brokenFirst.attest()).isEqualTo("A");
        assertThat(brokenFirst.results()).extracting(VerifyResponse.HeaderResult::outcome).containsExactly("failed", "passed");
        assertThat(brokenFirst.results().get(0).code()).isEqualTo(438);
        assertThat(brokenFirst.reasonHeader()).as("SIP protocol: no Reason when the call passed").isNull();
        assertThat(validFirst.verstat()).isEqualTo("TN-Validation-Passed");
    }

    @Test
    void hdr08_twoUnreachableCredentialsGive436() {
        VerifyResponse response = verify(service, at(UNREACHABLE), at(UNREACHABLE));

        assertFailed(response, 436);
        assertThat(response.reasonHeader()).isEqualTo("SIP;cause=436;text=\"Bad Identity Info\"");
    }

    @Test
    void hdr08_oneUnreachableAndOneUntrustedCredentialGive437() {
        assertThat(verify(service, at(UNREACHABLE), at(UNTRUSTED)).reasonHeader()).startsWith("SIP;cause=437;");
        assertThat(verify(service, at(UNTRUSTED), at(UNREACHABLE)).reasonHeader()).startsWith("SIP;cause=437;");
    }

    @Test
    void hdr08_anyInvalidSignatureAmongCredentialFailuresGives438() {
        VerifyResponse response = verify(service, at(UNREACHABLE), at(UNTRUSTED), brokenSignature());

        assertFailed(response, 438);
        assertThat(response.reasonHeader()).startsWith("SIP;cause=438;");
    }

    @Test
    void ext01_aDivHeaderBesideAValidShakenHeaderDoesNotFailTheCall() {
        String token = identity();
        String div = token.substring(0, token.indexOf(';')) + ";info=<" + X5U + ">;ppt=div";

        VerifyResponse response = verify(service, div, identity());

        assertThat(response.verstat()).isEqualTo("TN-Validation-Passed");
        assertThat(response.results()).extracting(VerifyResponse.HeaderResult::outcome).containsExactly("ignored", "passed");
    }

    @Test
    void ver02_anIgnoredHeaderBesideAFailedOneLeavesTheFailure() {
        String token = identity();
        String div = token.substring(0, token.indexOf(';')) + ";info=<" + X5U + ">;ppt=div";

        assertFailed(verify(service, div, at(UNREACHABLE)), 436);
    }

    @Test
    void onlyTheFirstEightHeadersAreEvaluated() {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            headers.add(at(UNREACHABLE));
        }
        headers.add(identity());

        VerifyResponse response = service.verify(Fixture.request(headers, date(NOW)));

        assertFailed(response, 436);
        assertThat(response.results()).hasSize(VerificationService.MAX_IDENTITY_HEADERS);
        assertThat(response.detail()).contains("only the first 8 of 13 Identity headers were evaluated");
    }
}
