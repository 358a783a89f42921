package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The settings that change what {@code /v1/sign} answers, each on its own service: a fixed
 * {@code SBC_STIR_ATTESTATION} (SIGN-13), {@code CALLSIGN_ATTEST_OVERRIDE}, {@code SBC_ENABLE_STIR=false}, and
 * {@code CALLSIGN_SIGN_MAX_DATE_SKEW_SECONDS} (SIGN-15).
 */
class SigningSettingsIT {

    /** Alice (acct-42, KYC done) holds 15145559876 with verified ownership: A under auto. */
    private static final String ALICE = json("from", "tel:+15145559876", "to", "tel:+15145551234",
            "authUser", "alice@ims.local");
    /** A call from a gateway trunk: C under auto. */
    private static final String GATEWAY = json("from", "tel:+15145559876", "to", "tel:+15145551234",
            "sourceIp", "198.18.0.1");

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C"})
    void sign13AFixedLevelIsUsedForEveryCall(String level) {
        try (TestService service = TestService.start(Map.of("SBC_STIR_ATTESTATION", level))) {
            SignClient client = new SignClient(service);
            for (String body : new String[] {ALICE, GATEWAY, json("from", "tel:+19995550100", "to", "15145551234")}) {
                JsonNode response = client.sign(body);
                assertThat(response.path("attest").asText()).isEqualTo(level);
                assertThat(SignClient.payload(response).path("attest").asText()).isEqualTo(level);
                assertThat(response.path("reason").asText()).isEqualTo("attestation is configured as " + level + " for every call");
            }
        }
    }

    @Test
    void overrideAllowLetsTheProxyChooseEitherWay() throws InterruptedException {
        try (TestService service = TestService.start(Map.of("CALLSIGN_ATTEST_OVERRIDE", "allow"))) {
            SignClient client = provisioned(service);

            JsonNode raised = client.sign(withAttest(GATEWAY, "A"));
            JsonNode lowered = client.sign(withAttest(ALICE, "C"));

            assertThat(raised.path("attest").asText()).isEqualTo("A");
            assertThat(raised.path("reason").asText()).contains("attest A requested per call").contains("overrides allowed")
                    .contains("the policy alone gives C");
            assertThat(lowered.path("attest").asText()).isEqualTo("C");
            assertThat(SignClient.payload(lowered).path("attest").asText()).isEqualTo("C");
        }
    }

    @Test
    void overrideDowngradeMayLowerButNeverRaise() throws InterruptedException {
        try (TestService service = TestService.start(Map.of("CALLSIGN_ATTEST_OVERRIDE", "downgrade"))) {
            SignClient client = provisioned(service);

            JsonNode lowered = client.sign(withAttest(ALICE, "B"));
            JsonNode notRaised = client.sign(withAttest(GATEWAY, "A"));

            assertThat(lowered.path("attest").asText()).isEqualTo("B");
            assertThat(lowered.path("reason").asText()).contains("lowers the level");
            assertThat(notRaised.path("attest").asText()).isEqualTo("C");
            assertThat(notRaised.path("reason").asText()).contains("per-call attest A ignored").contains("may only lower");
        }
    }

    @Test
    void overrideDenyIgnoresTheRequestAndSaysSo() throws InterruptedException {
        try (TestService service = TestService.start(Map.of("CALLSIGN_ATTEST_OVERRIDE", "deny"))) {
            SignClient client = provisioned(service);

            JsonNode response = client.sign(withAttest(GATEWAY, "A"));

            assertThat(response.path("attest").asText()).isEqualTo("C");
            assertThat(response.path("reason").asText()).contains("per-call attest A ignored").contains("not allowed");
        }
    }

    @Test
    void disabledSigningAnswersIdentityNullWithTheReason() {
        try (TestService service = TestService.start(Map.of("SBC_ENABLE_STIR", "false"))) {
            SignClient client = new SignClient(service);

            JsonNode response = client.sign(ALICE);

            assertThat(response.get("identity").isNull()).isTrue();
            assertThat(response.path("reason").asText()).contains("disabled").contains("SBC_ENABLE_STIR=false");
            assertThat(response.get("headers").isEmpty()).isTrue();
            // A malformed request is still a 400: the proxy's bug shows even while signing is off.
            assertThat(client.post(json("from", "tel:+15145559876")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void sign15TheDateSkewAllowanceIsASetting() {
        try (TestService service = TestService.start(Map.of("CALLSIGN_SIGN_MAX_DATE_SKEW_SECONDS", "300"))) {
            SignClient client = new SignClient(service);
            java.time.Instant now = java.time.Instant.now();

            JsonNode twoMinutesOld = client.sign(withDate(ALICE, now.minusSeconds(120)));
            JsonNode tenMinutesOld = client.sign(withDate(ALICE, now.minusSeconds(600)));

            assertThat(twoMinutesOld.get("identity").isTextual()).as(twoMinutesOld.toString()).isTrue();
            assertThat(SignClient.payload(twoMinutesOld).get("iat").asLong()).isEqualTo(now.minusSeconds(120).getEpochSecond());
            assertThat(tenMinutesOld.get("identity").isNull()).isTrue();
            assertThat(tenMinutesOld.path("reason").asText()).contains("old").contains("at most 300 s");
        }
    }

    private static String withDate(String body, java.time.Instant date) {
        return body.substring(0, body.length() - 1) + ",\"date\":\"" + SipDate.format(date) + "\"}";
    }

    private static SignClient provisioned(TestService service) throws InterruptedException {
        SignClient client = new SignClient(service);
        client.sql("INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true)",
                "INSERT INTO subscriber_users (sip_user, subscriber_id) VALUES ('alice@ims.local', 'acct-42')",
                "INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true)",
                "INSERT INTO trunks (name, kind) VALUES ('pstn-gw-1', 'gateway')",
                "INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('pstn-gw-1', '198.18.0.0/15')");
        client.poll(GATEWAY, r -> r.path("reason").asText().contains("gateway"), Duration.ofSeconds(10));
        assertThat(client.sign(ALICE).path("reason").asText()).contains("acct-42");
        return client;
    }

    private static String withAttest(String body, String attest) {
        return body.substring(0, body.length() - 1) + ",\"attest\":\"" + attest + "\"}";
    }
}
