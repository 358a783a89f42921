package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the STI-AS puts on the wire, over HTTP with the real clock: Date and iat (SIGN-15/16), origid
 * (SIGN-14), and the PASSporT itself (SIGN-01..12) decoded with {@link java.util.Base64} only.
 */
class SignedTokenIT {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static TestService service;
    private static SignClient client;
    private static String x5u;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of());
        client = new SignClient(service);
        x5u = service.service().credentials().current().orElseThrow().x5u().toString();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sign15WithoutDateTheAnswerCarriesADateAndIatIsItsSecond() {
        long before = Instant.now().getEpochSecond();
        JsonNode response = client.sign(call());
        long after = Instant.now().getEpochSecond();

        String date = response.path("headers").path("Date").asText();
        assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        long iat = SignClient.payload(response).path("iat").asLong();
        assertThat(iat).isEqualTo(SipDate.parse(date).getEpochSecond()).isBetween(before, after);
        assertThat(response.path("headers").size()).isEqualTo(1);
    }

    @Test
    void sign16WithADateIatIsThatDateAndNoDateIsAdded() {
        Instant date = Instant.now().minusSeconds(20);
        JsonNode response = client.sign(call("date", SipDate.format(date)));

        assertThat(SignClient.payload(response).path("iat").asLong()).isEqualTo(date.getEpochSecond());
        assertThat(response.path("headers").isObject()).isTrue();
        assertThat(response.path("headers").isEmpty()).isTrue();
    }

    @Test
    void sign15ADate120SecondsOldOrAheadIsNotSigned() {
        JsonNode old = client.sign(call("date", SipDate.format(Instant.now().minusSeconds(120))));
        JsonNode ahead = client.sign(call("date", SipDate.format(Instant.now().plusSeconds(120))));

        assertThat(old.get("identity").isNull()).isTrue();
        assertThat(old.path("reason").asText()).contains("not signed").contains("s old").contains("at most 60 s");
        assertThat(ahead.get("identity").isNull()).isTrue();
        assertThat(ahead.path("reason").asText()).contains("in the future").contains("clocks");
    }

    @Test
    void sign14EveryCallGetsItsOwnUuidAndAGivenOneIsKept() {
        Set<String> origids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            JsonNode response = client.sign(call());
            String origid = response.path("origid").asText();
            assertThat(origid).matches(UUID_FORM);
            assertThat(SignClient.payload(response).path("origid").asText()).isEqualTo(origid);
            origids.add(origid);
        }
        assertThat(origids).hasSize(50);

        String given = "123e4567-e89b-12d3-a456-426655440000";
        JsonNode kept = client.sign(call("origid", given));
        assertThat(kept.path("origid").asText()).isEqualTo(given);
        assertThat(SignClient.payload(kept).path("origid").asText()).isEqualTo(given);
    }

    @Test
    void sign01To12TheTokenIsCanonicalCompactAndSignedWith64Bytes() {
        String origid = "0f0e0d0c-0b0a-4908-8706-050403020100";
        JsonNode response = client.sign(json("from", "\"Alice\" <sip:+1 514-555-9876@ims.local;user=phone>;tag=1",
                "dest", List.of("tel:+1-514-555-1234", "15145550000"), "origid", origid));

        IdentityParts parts = IdentityParts.of(response.path("identity").asText());
        long iat = SignClient.payload(response).path("iat").asLong();
        assertThat(parts.header()).isEqualTo(IdentityParts.expectedHeader(x5u));
        assertThat(parts.payload()).isEqualTo(IdentityParts.expectedPayload("C", "\"15145550000\",\"15145551234\"", iat,
                "15145559876", origid));
        assertThat(parts.signature()).hasSize(64);
        // HDR-01, HDR-10: info is the x5u, in angle brackets; alg and ppt as the header says.
        assertThat(parts.params()).isEqualTo(";info=<" + x5u + ">;alg=ES256;ppt=shaken");
        assertThat(response.path("dest").toString()).isEqualTo("[\"15145550000\",\"15145551234\"]");
        assertThat(response.path("orig").asText()).isEqualTo("15145559876");
    }

    @Test
    void anAnonymousCallerGetsIdentityNullAndAReason() {
        JsonNode response = client.sign(json("from", "\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=x",
                "to", "sip:+15145551234@ims.local"));

        assertThat(response.get("identity").isNull()).isTrue();
        assertThat(response.path("reason").asText()).contains("not signed").contains("anonymous");
        assertThat(response.get("headers").isEmpty()).isTrue();
    }

    private static String call(Object... extra) {
        Object[] pairs = new Object[extra.length + 4];
        pairs[0] = "from";
        pairs[1] = "sip:+15145559876@ims.local;user=phone";
        pairs[2] = "to";
        pairs[3] = "sip:+15145551234@ims.local";
        System.arraycopy(extra, 0, pairs, 4, extra.length);
        return json(pairs);
    }
}
