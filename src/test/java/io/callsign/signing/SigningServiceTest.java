package io.callsign.signing;

import static io.callsign.signing.SigningFixture.CLOCK;
import static io.callsign.signing.SigningFixture.NOW;
import static io.callsign.signing.SigningFixture.X5U;
import static io.callsign.signing.SigningFixture.fromAlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.attestation.AttestationConfig;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.http.Problem;
import io.callsign.ops.Metrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The STI-AS decisions with a fixed clock and an in-memory snapshot (SIGN-01..16). */
class SigningServiceTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    static Path labDir;
    private static ActiveCredentials credentials;
    private final Metrics metrics = new Metrics();
    private final SigningService service = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(),
            credentials, CLOCK, metrics);

    @BeforeAll
    static void lab() {
        credentials = SigningFixture.labCredentials(labDir, CLOCK);
    }

    @Test
    void signsAForAnAuthenticatedSubscriberWithItsVerifiedNumber() {
        SignResponse response = service.sign(fromAlice("sip:+15145559876@ims.local;user=phone"));

        assertThat(response.attest()).isEqualTo("A");
        assertThat(response.orig()).isEqualTo("15145559876");
        assertThat(response.dest()).containsExactly("15145551234");
        assertThat(response.reason()).contains("acct-42").contains("15145559876").contains("verified");
        assertThat(response.origid()).matches(UUID_FORM);
        IdentityParts parts = IdentityParts.of(response.identity());
        assertThat(parts.header()).isEqualTo(IdentityParts.expectedHeader(X5U.toString()));
        assertThat(parts.payload()).isEqualTo(IdentityParts.expectedPayload("A", "\"15145551234\"",
                NOW.getEpochSecond(), "15145559876", response.origid()));
        assertThat(parts.signature()).hasSize(64); // SIGN-12: R||S, not DER
        assertThat(parts.params()).isEqualTo(";info=<" + X5U + ">;alg=ES256;ppt=shaken");
    }

    @Test
    void signsBWhenTheNumberIsTheSubscribersButNotVerified() {
        SignResponse response = service.sign(fromAlice("tel:+1-514-555-9877"));

        assertThat(response.attest()).isEqualTo("B");
        assertThat(response.reason()).contains("acct-42").contains("not verified");
    }

    @Test
    void sign09CanonicalisesEverySpellingOfTheCaller() {
        for (String from : List.of("tel:+1-514-555-9876", "sip:+1(514)555-9876@h;user=phone", "\"Alice\" <sip:+15145559876@h>;tag=1",
                "sip:+1%20514%20555%209876@ims.local", "5145559876")) {
            assertThat(service.sign(fromAlice(from)).orig()).as(from).isEqualTo("15145559876");
        }
    }

    @Test
    void prefersPaiOverFromAndSortsDeduplicatedDestinations() {
        SignRequest request = new SignRequest("sip:+19999999999@ims.local", "tel:+15145559876", null, null, null,
                List.of("15145551234", "tel:+1-514-555-0000", "15145551234"), null, null, "alice@ims.local", null,
                null, null, null, null);

        SignResponse response = service.sign(request);

        assertThat(response.orig()).isEqualTo("15145559876");
        assertThat(response.dest()).containsExactly("15145550000", "15145551234"); // SIGN-08: lexicographic
        assertThat(IdentityParts.of(response.identity()).payload()).contains("\"dest\":{\"tn\":[\"15145550000\",\"15145551234\"]}");
    }

    @Test
    void sign15AddsADateHeaderWhenTheInviteHasNoneAndIatIsThatSecond() {
        Clock withMillis = Clock.fixed(NOW.plusMillis(700), ZoneOffset.UTC);
        SigningService later = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(), credentials,
                withMillis, metrics);

        SignResponse response = later.sign(fromAlice("tel:+15145559876"));

        assertThat(response.headers()).isEqualTo(Map.of("Date", "Mon, 30 Nov 2026 03:00:00 GMT"));
        assertThat(IdentityParts.of(response.identity()).payload()).contains("\"iat\":" + NOW.getEpochSecond() + ",");
    }

    @ParameterizedTest
    @ValueSource(ints = {-60, -30, 0, 30, 60})
    void sign16IatIsTheDateOfTheInviteAndNoDateIsAdded(int secondsFromNow) {
        String date = SipDate.format(NOW.plusSeconds(secondsFromNow));

        SignResponse response = service.sign(withDate(date));

        assertThat(response.identity()).isNotNull();
        assertThat(response.headers()).isEmpty();
        assertThat(IdentityParts.of(response.identity()).payload())
                .contains("\"iat\":" + NOW.plusSeconds(secondsFromNow).getEpochSecond() + ",");
    }

    @Test
    void sign15RefusesADateMoreThan60SecondsOld() {
        SignResponse response = service.sign(withDate(SipDate.format(NOW.minusSeconds(120))));

        assertThat(response.identity()).isNull();
        assertThat(response.orig()).isEqualTo("15145559876");
        assertThat(response.reason()).contains("not signed").contains("Date").contains("120 s old").contains("60 s");
        assertThat(service.sign(withDate(SipDate.format(NOW.minusSeconds(61)))).identity()).isNull();
    }

    @Test
    void sign15RefusesADateInTheFuture() {
        SignResponse response = service.sign(withDate(SipDate.format(NOW.plusSeconds(120))));

        assertThat(response.identity()).isNull();
        assertThat(response.reason()).contains("120 s in the future").contains("clock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "Mon, 30 Nov 2026 03:00:00 +0000", "30 Nov 2026 03:00:00 GMT",
            "Tue, 30 Nov 2026 03:00:00 GMT", "Mon, 30 Nov 2026 24:00:00 GMT", "Mon, 1 Nov 2026 03:00:00 GMT"})
    void sec11RefusesADateThatIsNotStrictRfc1123Gmt(String date) {
        assertThatThrownBy(() -> service.sign(withDate(date)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessageStartingWith("field 'date': '" + date + "' is not a SIP Date");
    }

    @Test
    void sign14GivesEveryCallItsOwnUuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SignResponse response = service.sign(fromAlice("tel:+15145559876"));
            assertThat(response.origid()).matches(UUID_FORM);
            assertThat(IdentityParts.of(response.identity()).payload()).endsWith(",\"origid\":\"" + response.origid() + "\"}");
            seen.add(response.origid());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void sign14KeepsAGivenOrigid() {
        String origid = "123E4567-E89B-12D3-A456-426655440000";

        SignResponse response = service.sign(withOrigid(origid));

        assertThat(response.origid()).isEqualTo(origid.toLowerCase());
        assertThat(IdentityParts.of(response.identity()).payload()).contains("\"origid\":\"" + origid.toLowerCase() + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "123e4567-e89b-12d3-a456-42665544000g", "123e4567e89b12d3a456426655440000",
            "{123e4567-e89b-12d3-a456-426655440000}", "\u0661\u0662\u0663e4567-e89b-12d3-a456-426655440000"})
    void refusesAnOrigidThatIsNotAUuid(String origid) {
        assertThatThrownBy(() -> service.sign(withOrigid(origid)))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith("field 'origid': ")
                .hasMessageContaining("not a UUID");
    }

    @Test
    void ignoresAPerCallAttestWhenOverridesAreDenied() {
        SignResponse response = service.sign(withAttest("C"));

        assertThat(response.attest()).isEqualTo("A");
        assertThat(response.reason()).contains("per-call attest C ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "D", "AB", "full"})
    void refusesAnAttestThatIsNotABOrC(String attest) {
        assertThatThrownBy(() -> service.sign(withAttest(attest)))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith("field 'attest': '" + attest + "' is not A, B or C");
    }

    @Test
    void refusesASourceIpThatIsNotAnAddressLiteral() {
        SignRequest request = new SignRequest("tel:+15145559876", null, null, "tel:+15145551234", null, null, null,
                "pbx.example.com", null, null, null, null, null, null);

        assertThatThrownBy(() -> service.sign(request))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith("field 'sourceIp': 'pbx.example.com' is not an IP address literal");
    }

    @Test
    void anAnonymousCallerIsNotSignedAndTheReasonSaysSo() {
        for (String from : List.of("\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1", "sip:anonymous@ims.local")) {
            SignResponse response = service.sign(fromAlice(from));

            assertThat(response.identity()).as(from).isNull();
            assertThat(response.reason()).contains("not signed").contains("caller (from)").contains("anonymous");
            assertThat(response.headers()).isEmpty();
        }
    }

    @Test
    void aServiceCodeCallerIsNotSigned() {
        SignResponse response = service.sign(fromAlice("sip:*67@ims.local"));

        assertThat(response.identity()).isNull();
        assertThat(response.reason()).contains("*67").contains("service code");
    }

    @Test
    void missingPartiesAre400EvenWhenTheOtherSideIsAnonymous() {
        SignRequest noCallee = new SignRequest("sip:anonymous@anonymous.invalid", null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        SignRequest noCaller = new SignRequest(null, " ", null, "tel:+15145551234", null, null, null, null, null, null,
                null, null, null, null);

        assertThatThrownBy(() -> service.sign(noCallee)).isInstanceOf(Problem.class).hasMessageStartingWith("field 'to': missing");
        assertThatThrownBy(() -> service.sign(noCaller)).isInstanceOf(Problem.class).hasMessageStartingWith("field 'from': missing");
    }

    @Test
    void aNullDestinationIsNamedByItsIndex() {
        SignRequest request = new SignRequest("tel:+15145559876", null, null, null, null,
                java.util.Arrays.asList("15145551234", null), null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> service.sign(request)).isInstanceOf(Problem.class).hasMessageStartingWith("field 'dest[1]': ");
    }

    @Test
    void aJsonNullRequestIsABadRequestNotACrash() {
        assertThatThrownBy(() -> service.sign(null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessageContaining("'from' and 'to'");
    }

    @Test
    void disabledSigningAnswersNullWithTheSettingInTheReasonButStillChecksTheRequest() {
        SigningService disabled = SigningFixture.service(new SigningConfig(false, "1", Duration.ofSeconds(60)),
                AttestationConfig.defaults(), credentials, CLOCK, metrics);

        SignResponse response = disabled.sign(fromAlice("tel:+15145559876"));

        assertThat(response.identity()).isNull();
        assertThat(response.reason()).contains("disabled").contains("SBC_ENABLE_STIR=false");
        assertThatThrownBy(() -> disabled.sign(withAttest("Z"))).isInstanceOf(Problem.class);
    }

    @Test
    void withoutCredentialsNothingIsSigned() {
        SigningService pending = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(),
                new ActiveCredentials(), CLOCK, metrics);

        SignResponse response = pending.sign(fromAlice("tel:+15145559876"));

        assertThat(response.identity()).isNull();
        assertThat(response.reason()).contains("no signing credentials");
    }

    @Test
    void sign15DoesNotSignWhenTheCertificateHasExpired() {
        Clock twoYearsLater = Clock.fixed(NOW.plus(Duration.ofDays(730)), ZoneOffset.UTC);
        SigningService late = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(), credentials,
                twoYearsLater, metrics);

        SignResponse response = late.sign(fromAlice("tel:+15145559876"));

        assertThat(response.identity()).isNull();
        assertThat(response.reason()).contains("signing certificate is not valid at");
    }

    @Test
    void countsOutcomesForMetrics() {
        service.sign(fromAlice("tel:+15145559876"));
        service.sign(fromAlice("sip:anonymous@anonymous.invalid"));
        assertThatThrownBy(() -> service.sign(withAttest("Q"))).isInstanceOf(Problem.class);

        assertThat(metrics.render())
                .contains("callsign_sign_total{outcome=\"signed\",attest=\"A\"} 1")
                .contains("callsign_sign_total{outcome=\"not_signed\",attest=\"\"} 1")
                .contains("callsign_sign_total{outcome=\"bad_request\",attest=\"\"} 1");
    }

    private static SignRequest withDate(String date) {
        return new SignRequest("tel:+15145559876", null, null, "tel:+15145551234", null, null, null, null,
                "alice@ims.local", null, null, null, null, date);
    }

    private static SignRequest withOrigid(String origid) {
        return new SignRequest("tel:+15145559876", null, null, "tel:+15145551234", null, null, null, null,
                "alice@ims.local", null, null, null, origid, null);
    }

    private static SignRequest withAttest(String attest) {
        return new SignRequest("tel:+15145559876", null, null, "tel:+15145551234", null, null, null, null,
                "alice@ims.local", null, null, attest, null, null);
    }
}
