package io.callsign.verification;

import static io.callsign.verification.Fixture.DEST;
import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.NOW_S;
import static io.callsign.verification.Fixture.ORIG;
import static io.callsign.verification.Fixture.ORIGID;
import static io.callsign.verification.Fixture.X5U;
import static io.callsign.verification.Fixture.claims;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static io.callsign.verification.Fixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.FailureKind;
import io.callsign.certificates.TestPki;
import io.callsign.http.JsonBodies;
import io.callsign.ops.Metrics;
import io.callsign.passport.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One Identity header, one failure class each: the exact code and verstat (VER-05..14, VER-18). */
class VerificationServiceTest {

    private final Fixture.FakeCredentials credentials = Fixture.FakeCredentials.standard();
    private final Metrics metrics = new Metrics();
    private final VerificationService service = new VerificationService(VerificationConfig.defaults(), credentials,
            Fixture.clock(), metrics);

    static void assertFailed(VerifyResponse response, int code) {
        assertThat(response.verstat()).as(response.detail()).isEqualTo(Reason.Verstat.FAILED);
        assertThat(response.results()).anySatisfy(r -> assertThat(r.code()).isEqualTo(code));
        assertThat(response.reasonHeader()).startsWith("SIP;cause=" + code + ";text=\"");
        assertNoClaims(response);
    }

    /** SEC-13: nothing of an unverified PASSporT is reported as a fact. */
    static void assertNoClaims(VerifyResponse response) {
        assertThat(response.attest()).isNull();
        assertThat(response.origid()).isNull();
        assertThat(response.orig()).isNull();
        assertThat(response.dest()).isNull();
        assertThat(response.iat()).isNull();
        assertThat(response.spc()).isNull();
        assertThat(response.headers()).doesNotContainKey("X-STIR-Attestation").containsEntry("X-STIR-Verified", "false");
    }

    @Test
    void ver18_aValidPassportPassesWithItsClaimsAndHeaders() {
        VerifyResponse response = service.verify(request(identity()));

        assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(response.attest()).isEqualTo("A");
        assertThat(response.origid()).isEqualTo(ORIGID);
        assertThat(response.orig()).isEqualTo(ORIG);
        assertThat(response.dest()).containsExactly(DEST);
        assertThat(response.x5u()).isEqualTo(X5U);
        assertThat(response.iat()).isEqualTo(NOW_S);
        assertThat(response.spc()).isEqualTo(TestPki.SPC);
        assertThat(response.headers()).containsExactly(
                java.util.Map.entry("X-STIR-Verified", "true"),
                java.util.Map.entry("X-STIR-Attestation", "A"),
                java.util.Map.entry("X-STIR-Verstat", "TN-Validation-Passed"));
        assertThat(response.reject()).isNull();
        assertThat(response.reasonHeader()).isNull();
        assertThat(response.replay()).isFalse();
        assertThat(response.results()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("passed"));
        assertThat(credentials.asked).containsExactly(X5U);
        assertThat(credentials.callTimes).containsExactly(NOW);
        assertThat(metrics.render()).contains("callsign_verify_total{verstat=\"TN-Validation-Passed\",reason=\"verified\"} 1")
                .contains("callsign_verify_attestation_total{attest=\"A\"} 1");
    }

    @Test
    void sec13_aTamperedPayloadFails438AndNoAttestationAppearsAnywhere() throws Exception {
        String gateway = identity(claims("C", NOW_S));
        String full = identity(claims("A", NOW_S));
        String[] c = gateway.split("[.;]", 4);
        String[] a = full.split("[.;]", 4);
        // The payload claiming A, under the header and signature made for the C token.
        String tampered = c[0] + "." + a[1] + "." + c[2] + ";" + c[3];

        VerifyResponse response = service.verify(request(tampered));

        assertFailed(response, 438);
        assertThat(response.detail()).contains("signature does not verify");
        assertThat(JsonBodies.MAPPER.writeValueAsString(response)).doesNotContain("\"attest\":\"A\"")
                .doesNotContain("Attestation\":\"A");
        assertThat(metrics.render()).contains("callsign_verify_attestation_total{attest=\"A\"} 0")
                .contains("verstat=\"TN-Validation-Failed\",reason=\"invalid_identity_header\"} 1");
    }

    @Test
    void ver12_oneFlippedSignatureBitFails438() {
        String valid = identity();
        int semi = valid.indexOf(';');
        char last = valid.charAt(semi - 2);
        String flipped = valid.substring(0, semi - 2) + (last == 'A' ? 'B' : 'A') + valid.substring(semi - 1);

        assertFailed(service.verify(request(flipped)), 438);
    }

    @Test
    void ver05_aDateSixtyOneSecondsOldIs403StaleDate() {
        String date = date(NOW.minusSeconds(61));
        VerifyResponse response = service.verify(request(List.of(identity(claims("A", NOW_S - 61))), date));

        assertFailed(response, 403);
        assertThat(response.reasonHeader()).isEqualTo("SIP;cause=403;text=\"Stale Date\"");
        assertThat(credentials.asked).as("a stale request causes no fetch").isEmpty();
    }

    @Test
    void ver05_aDateFiftyNineSecondsOldPasses() {
        String date = date(NOW.minusSeconds(59));
        VerifyResponse response = service.verify(request(List.of(identity(claims("A", NOW_S - 59))), date));

        assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(credentials.callTimes).containsExactly(NOW.minusSeconds(59));
    }

    @Test
    void ver06_aFutureIatIs403() {
        assertFailed(service.verify(request(identity(claims("A", NOW_S + 3600)))), 403);
        assertFailed(service.verify(request(List.of(identity(claims("A", NOW_S + 61))), null)), 403);
    }

    @Test
    void ver06_anIatAnHourOldIs403EvenWithAFreshDate() {
        VerifyResponse response = service.verify(request(identity(claims("A", NOW_S - 3600))));

        assertFailed(response, 403);
        assertThat(response.detail()).contains("from the Date");
    }

    @Test
    void ver06_aDateInTheYear2150Is403() {
        String date = "Tue, 22 Sep 2150 23:29:00 GMT";
        assertFailed(service.verify(request(List.of(identity()), date)), 403);
    }

    @Test
    void ver08_withoutDateTheIatAloneDecidesAndIsTheCallTime() {
        VerifyResponse fresh = service.verify(request(List.of(identity(claims("A", NOW_S - 30))), null));
        VerifyResponse stale = service.verify(request(List.of(identity(claims("A", NOW_S - 61))), null));

        assertThat(fresh.verstat()).as(fresh.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(credentials.callTimes).containsExactly(NOW.minusSeconds(30));
        assertFailed(stale, 403);
    }

    @Test
    void ver08_requireDateMakesAMissingDate438() {
        VerificationService strict = Fixture.service(VerificationConfig.defaults().withRequireDate(true), credentials);

        VerifyResponse response = strict.verify(request(List.of(identity()), null));

        assertFailed(response, 438);
        assertThat(response.detail()).contains("CALLSIGN_REQUIRE_DATE");
    }

    @Test
    void sec11_aMalformedDateIs438NotAnError() {
        for (String date : List.of("yesterday", "Mon, 30 Nov 2026 03:00:00 +0100", "Sun, 01 Mar 2026 12:00:00")) {
            VerifyResponse response = service.verify(request(List.of(identity()), date));
            assertFailed(response, 438);
            assertThat(response.detail()).contains("RFC 1123");
        }
    }

    @Test
    void ver11_aWrongOrigIs438BeforeAnyFetch() {
        VerifyRequest other = new VerifyRequest(List.of(identity()), "sip:+33612345678@ims.local", null, Fixture.TO,
                null, date(NOW), "c");

        VerifyResponse response = service.verify(other);

        assertFailed(response, 438);
        assertThat(response.detail()).contains("orig.tn 15145559876 is not the calling number 33612345678");
        assertThat(credentials.asked).isEmpty();
    }

    @Test
    void ver11_aWrongDestIs438() {
        VerifyRequest other = new VerifyRequest(List.of(identity()), Fixture.FROM, null, "sip:+15145550000@ims.local",
                null, date(NOW), "c");

        assertFailed(service.verify(other), 438);
    }

    @Test
    void ver11_numbersWithVisualSeparatorsAreCanonicalisedBeforeComparing() {
        for (String from : List.of("tel:+1-514-555-9876", "<sip:+1(514)555-9876@ims.local;user=phone>",
                "sip:5145559876@ims.local")) {
            VerifyRequest call = new VerifyRequest(List.of(identity()), from, null, "tel:+1 514 555 1234", null,
                    date(NOW), "c-" + from);
            VerifyResponse response = service.verify(call);
            assertThat(response.verstat()).as(from + ": " + response.detail()).isEqualTo("TN-Validation-Passed");
        }
    }

    @Test
    void ver11_pAssertedIdentityIsPreferredOverAnAnonymousFrom() {
        VerifyRequest call = new VerifyRequest(List.of(identity()), "\"Anonymous\" <sip:anonymous@anonymous.invalid>",
                "<sip:+15145559876@ims.local;user=phone>, <tel:+15145559876>", Fixture.TO, null, date(NOW), "c");

        assertThat(service.verify(call).verstat()).isEqualTo("TN-Validation-Passed");
    }

    @Test
    void ver11_theRequestUriNamesTheCalleeWhenToHasNoNumber() {
        VerifyRequest call = new VerifyRequest(List.of(identity()), Fixture.FROM, null, "<sip:bob@ims.local>",
                "sip:+15145551234@ims.local;user=phone", date(NOW), "c");

        assertThat(service.verify(call).verstat()).isEqualTo("TN-Validation-Passed");
    }

    @Test
    void ver11_aCallWithoutAnyCallingNumberIs438() {
        VerifyRequest call = new VerifyRequest(List.of(identity()), null, null, Fixture.TO, null, date(NOW), "c");

        VerifyResponse response = service.verify(call);

        assertFailed(response, 438);
        assertThat(response.detail()).contains("neither P-Asserted-Identity nor From");
    }

    @Test
    void ver13_aCredentialThatCannotBeObtainedIs436() {
        credentials.failing(X5U, FailureKind.FETCH_FAILED);

        VerifyResponse response = service.verify(request(identity()));

        assertFailed(response, 436);
        assertThat(response.reasonHeader()).isEqualTo("SIP;cause=436;text=\"Bad Identity Info\"");
        assertThat(response.x5u()).isEqualTo(X5U);
    }

    @Test
    void ver14_anUntrustedUnsupportedExpiredOrRevokedCredentialIs437() {
        for (FailureKind kind : List.of(FailureKind.UNTRUSTED, FailureKind.UNSUPPORTED, FailureKind.OUTSIDE_VALIDITY,
                FailureKind.REVOKED)) {
            credentials.failing(X5U, kind);
            VerifyResponse response = service.verify(request(identity()));
            assertFailed(response, 437);
            assertThat(response.detail()).contains(kind.toString());
        }
    }

    @Test
    void cert04_aP384LeafKeyIs437EvenIfTheResolverLetItThrough() {
        TestPki.Issued p384 = Fixture.PKI.leaf(Fixture.PKI.leafSpec().withKey(TestPki.KeyKind.P384));
        credentials.trusting(X5U, p384);

        VerifyResponse response = service.verify(request(identity()));

        assertFailed(response, 437);
        assertThat(response.detail()).contains("P-256");
    }

    @Test
    void ver12_aTokenSignedWithAnotherKeyIs438() {
        TestPki.Issued other = Fixture.PKI.leaf(Fixture.PKI.leafSpec());
        String forged = identity(claims(), X5U, other.privateKey());

        assertFailed(service.verify(request(forged)), 438);
    }

    @Test
    void ver01_aStaleDateAndABadSignatureTogetherGive403() {
        String forged = identity(claims("A", NOW_S - 120), X5U, Fixture.PKI.leaf(Fixture.PKI.leafSpec()).privateKey());

        assertFailed(service.verify(request(List.of(forged), date(NOW.minusSeconds(120)))), 403);
    }

    @Test
    void malformedIdentityHeadersAreVerdictsNot500s() {
        assertFailed(service.verify(request("not a passport")), 438);
        assertFailed(service.verify(request("a.b.c;info=<https://x5u.test/c.pem>")), 438);
        // HDR-01: no info, or info without angle brackets: the credential cannot be obtained.
        assertFailed(service.verify(request(identity().replaceAll(";info=<[^>]*>", ""))), 436);
        assertFailed(service.verify(request(identity().replace("info=<", "info=").replace(">;alg", ";alg"))), 436);
        assertThat(credentials.asked).isEmpty();
    }
}
