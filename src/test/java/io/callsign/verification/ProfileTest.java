package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW_S;
import static io.callsign.verification.Fixture.X5U;
import static io.callsign.verification.Fixture.identity;
import static io.callsign.verification.Fixture.request;
import static io.callsign.verification.VerificationServiceTest.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.passport.Es256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identity header rules that the rfc and strict profiles read differently (HDR-04..07, HDR-10,
 * VER-02, VER-15, VER-21), and the headers that are ignored rather than failed.
 */
class ProfileTest {

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard();
    private final VerificationService rfc = Fixture.service(VerificationConfig.defaults(), credentials);
    private final VerificationService strict = Fixture.service(
            VerificationConfig.defaults().withProfile(VerificationConfig.Profile.STRICT), credentials);

    private static String token() {
        String header = identity();
        return header.substring(0, header.indexOf(';'));
    }

    private static String passed(VerifyResponse response) {
        assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        return response.verstat();
    }

    @Test
    void hdr05_anAbsentAlgMeansEs256UnderRfcAndIs437UnderStrict() {
        String header = token() + ";info=<" + X5U + ">;ppt=shaken";

        passed(rfc.verify(request(header)));
        assertFailed(strict.verify(request(header)), 437);
    }

    @Test
    void hdr05_anAlgOtherThanEs256Is437InEveryProfile() {
        String header = token() + ";info=<" + X5U + ">;alg=XX564;ppt=shaken";

        assertFailed(rfc.verify(request(header)), 437);
        assertFailed(strict.verify(request(header)), 437);
        assertThat(credentials.asked).isEmpty();
    }

    @Test
    void hdr09_lowerCaseAlgAndPptAreAcceptedUnderRfcOnly() {
        String header = token() + " ; info = <" + X5U + "> ; alg=es256;PPT=SHAKEN";

        passed(rfc.verify(request(header)));
        assertFailed(strict.verify(request(header)), 437);
    }

    @Test
    void hdr03_hdr09_theCompactHeaderNameAndFoldedParametersVerifyLikeTheLongForm() {
        passed(rfc.verify(request("y: " + identity())));
        passed(rfc.verify(request("Identity: " + token() + "\r\n ;info=<" + X5U + ">\r\n\t;alg=ES256;ppt=shaken")));
    }

    @Test
    void hdr06_anAbsentPptIsAcceptedUnderRfcAndIs438UnderStrict() {
        String header = token() + ";info=<" + X5U + ">;alg=ES256";

        passed(rfc.verify(request(header)));
        assertFailed(strict.verify(request(header)), 438);
    }

    @Test
    void hdr07_extraParametersAreAcceptedUnderRfcAndAre438UnderStrict() {
        String header = identity() + ";toto=titi";

        passed(rfc.verify(request(header)));
        assertFailed(strict.verify(request(header)), 438);
    }

    @Test
    void hdr04_theCompactFormIs438() {
        String token = token();
        String compact = ".." + token.substring(token.lastIndexOf('.') + 1) + ";info=<" + X5U + ">;alg=ES256;ppt=shaken";

        assertFailed(rfc.verify(request(compact)), 438);
        assertThat(credentials.asked).isEmpty();
    }

    @Test
    void hdr10_infoDifferentFromX5uIs438UnderRfcAnd436UnderStrictWithoutAnyFetch() {
        String header = token() + ";info=<https://other.test/cert.pem>;alg=ES256;ppt=shaken";
        credentials.trusting("https://other.test/cert.pem", Fixture.LEAF);

        VerifyResponse underRfc = rfc.verify(request(header));
        assertFailed(underRfc, 438);
        assertThat(underRfc.detail()).contains("HDR-10");
        assertFailed(strict.verify(request(header)), 436);
        assertThat(credentials.asked).isEmpty();
    }

    @Test
    void ver02_aHeaderWithAnUnsupportedPptIsIgnoredWithoutFetching() {
        String div = token() + ";info=<" + X5U + ">;alg=ES256;ppt=div";

        VerifyResponse response = rfc.verify(request(div));

        assertThat(response.verstat()).isEqualTo("No-TN-Validation");
        assertThat(response.reject()).isNull();
        assertThat(response.reasonHeader()).isNull();
        assertThat(response.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("ignored"));
        assertThat(credentials.asked).isEmpty();
        VerificationServiceTest.assertNoClaims(response);
    }

    @Test
    void ver02_aPassportWhosePptIsUnsupportedIsIgnoredToo() {
        String header = signed("{\"alg\":\"ES256\",\"ppt\":\"rcd\",\"typ\":\"passport\",\"x5u\":\"" + X5U + "\"}",
                Fixture.claimsJson()) + ";info=<" + X5U + ">;alg=ES256";

        assertThat(rfc.verify(request(header)).verstat()).isEqualTo("No-TN-Validation");
        assertThat(credentials.asked).isEmpty();
    }

    @Test
    void ver02_withIdentityRequiredOnlyUnsupportedPptsGive428UseSupportedPassportFormat() {
        VerificationService required = Fixture.service(VerificationConfig.defaults().withRequireIdentity(true)
                .withFailure(VerificationConfig.Failure.REJECT), credentials);

        VerifyResponse response = required.verify(request(token() + ";info=<" + X5U + ">;ppt=foo"));

        assertThat(response.verstat()).isEqualTo("No-TN-Validation");
        assertThat(response.reject()).isEqualTo(new VerifyResponse.Reject(428, "Use Supported PASSporT Format"));
    }

    @Test
    void ver15_noIdentityHeaderIsNoTnValidationOr428WhenRequired() {
        VerificationService required = Fixture.service(VerificationConfig.defaults().withRequireIdentity(true)
                .withFailure(VerificationConfig.Failure.REJECT), credentials);
        VerifyRequest none = Fixture.request(List.of(), Fixture.date(Fixture.NOW));
        VerifyRequest blank = Fixture.request(java.util.Arrays.asList("", null, "  "), Fixture.date(Fixture.NOW));

        assertThat(rfc.verify(none).verstat()).isEqualTo("No-TN-Validation");
        assertThat(rfc.verify(blank).verstat()).isEqualTo("No-TN-Validation");
        assertThat(rfc.verify(blank).results()).isEmpty();
        assertThat(required.verify(none).reject()).isEqualTo(new VerifyResponse.Reject(428, "Use Identity Header"));
    }

    @Test
    void ver21_aNonCanonicalButValidlySignedPassportPassesUnderRfcAndIs438UnderStrict() {
        String payload = "{\"orig\":{\"tn\":\"" + Fixture.ORIG + "\"}, \"attest\":\"A\",\"dest\":{\"tn\":[\""
                + Fixture.DEST + "\"]},\"iat\":" + NOW_S + ",\"origid\":\"" + Fixture.ORIGID + "\"}";
        String header = signed("{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + X5U + "\"}",
                payload) + ";info=<" + X5U + ">;alg=ES256;ppt=shaken";

        passed(rfc.verify(request(header)));
        assertFailed(strict.verify(request(header)), 438);
    }

    @Test
    void ext03_unknownExtraClaimsAreAcceptedWhenSigned() {
        String payload = Fixture.claimsJson().replace("\"origid\"", "\"foo\":\"bar\",\"origid\"");
        String header = signed("{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + X5U + "\"}",
                payload) + ";info=<" + X5U + ">;alg=ES256;ppt=shaken";

        passed(rfc.verify(request(header)));
    }

    /** {@code b64(header).b64(payload).sig} signed by the test leaf, whatever the JSON looks like. */
    static String signed(String headerJson, String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        byte[] signature = Es256.active().sign(Fixture.LEAF.privateKey(), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature);
    }
}
