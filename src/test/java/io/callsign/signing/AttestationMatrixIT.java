package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API.md "Attestation when SBC_STIR_ATTESTATION=auto", end to end: rows written with SQL, calls
 * signed over HTTP, the level and the reason read from the response and from the signed PASSporT.
 * Every origin kind (trunk name, source address, authenticated user, registered From AOR) meets every
 * ownership case (verified or not, own number or block, longest prefix, subscriber KYC).
 */
class AttestationMatrixIT {

    private static TestService service;
    private static SignClient client;

    @BeforeAll
    static void provision() throws InterruptedException {
        service = TestService.start(Map.of());
        client = new SignClient(service);
        client.sql(
                "INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true), ('acct-7', 'Other', true),"
                        + " ('acct-nokyc', 'Unknown Ltd', false)",
                "INSERT INTO subscriber_users (sip_user, subscriber_id) VALUES ('alice@ims.local', 'acct-42'),"
                        + " ('bob@ims.local', 'acct-7'), ('carol@ims.local', 'acct-nokyc'), ('+15145559876@ims.local', 'acct-42')",
                "INSERT INTO telephone_numbers (tn, subscriber_id, verified, valid_from, valid_until) VALUES"
                        + " ('15145559876', 'acct-42', true, NULL, NULL), ('15145559877', 'acct-42', false, NULL, NULL),"
                        + " ('15145550000', 'acct-7', true, NULL, NULL), ('15145558888', 'acct-nokyc', true, NULL, NULL),"
                        + " ('16135559999', 'acct-42', true, NULL, NULL), ('15145552222', 'acct-42', true, NULL, NULL),"
                        + " ('16135550001', 'acct-42', true, '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z')",
                "INSERT INTO number_blocks (id, prefix, subscriber_id, verified) VALUES ('b-42v', '1438555', 'acct-42', true),"
                        + " ('b-42u', '1438666', 'acct-42', false), ('b-7', '1613555', 'acct-7', true), ('b-7-short', '1438', 'acct-7', true)",
                "INSERT INTO trunks (name, kind, subscriber_id) VALUES ('pbx-42', 'customer', 'acct-42'),"
                        + " ('pbx-7-host', 'customer', 'acct-7'), ('core', 'internal', NULL), ('pstn-gw-1', 'gateway', NULL),"
                        + " ('peer-1', 'peering', NULL)",
                "INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('pbx-42', '203.0.113.0/24'), ('pbx-7-host', '203.0.113.7/32'),"
                        + " ('core', '10.0.0.0/8'), ('pstn-gw-1', '198.18.0.0/15'), ('peer-1', '192.0.2.0/24')");
        // The last row written must be visible before the matrix runs (the change feed, then a full load).
        SignClient.Polled ready = client.poll(json("from", "tel:+15145559876", "to", "15145551234", "trunk", "peer-1"),
                r -> "C".equals(r.path("attest").asText()) && r.path("reason").asText().contains("peering"), Duration.ofSeconds(10));
        assertThat(ready.response().path("reason").asText()).contains("peering");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // Trunk named by the proxy.
                row("customer trunk, verified own number", "A", List.of("acct-42", "15145559876", "verified"), "trunk", "pbx-42"),
                row("customer trunk, unverified own number", "B", List.of("acct-42", "not verified"), "trunk", "pbx-42", "from", "tel:+15145559877"),
                row("customer trunk, another subscriber's number", "B", List.of("belongs to acct-7"), "trunk", "pbx-42", "from", "tel:+15145550000"),
                row("customer trunk, unassigned number", "B", List.of("not assigned"), "trunk", "pbx-42", "from", "tel:+19995550100"),
                row("gateway trunk", "C", List.of("gateway", "pstn-gw-1"), "trunk", "pstn-gw-1", "authUser", "alice@ims.local"),
                row("peering trunk", "C", List.of("peering", "peer-1"), "trunk", "peer-1", "authUser", "alice@ims.local"),
                row("internal trunk, authenticated user", "A", List.of("acct-42", "verified"), "trunk", "core", "authUser", "alice@ims.local"),
                row("internal trunk, nobody identified", "C", List.of("internal trunk core", "not authenticated"), "trunk", "core"),
                row("unknown trunk name, then the source address", "C", List.of("gateway"), "trunk", "nonesuch", "sourceIp", "198.18.0.9"),
                // Source address matched to trunk CIDRs (longest prefix).
                row("source in customer CIDR", "A", List.of("acct-42"), "sourceIp", "203.0.113.10"),
                row("source in a /32 inside the /24: that trunk's subscriber", "B", List.of("acct-7", "belongs to acct-42"), "sourceIp", "203.0.113.7"),
                row("source in the /32, that subscriber's number", "A", List.of("acct-7"), "sourceIp", "203.0.113.7", "from", "tel:+15145550000"),
                row("source in gateway CIDR", "C", List.of("gateway"), "sourceIp", "198.19.255.1"),
                row("source in peering CIDR", "C", List.of("peering"), "sourceIp", "192.0.2.10"),
                row("source in internal CIDR, authenticated user", "A", List.of("acct-42"), "sourceIp", "10.1.2.3", "authUser", "alice@ims.local"),
                row("source matching no trunk", "C", List.of("no trunk matches source 172.16.0.1", "not authenticated"), "sourceIp", "172.16.0.1"),
                // Authenticated user.
                row("auth user, verified own number", "A", List.of("subscriber acct-42 holds 15145559876", "verified"), "authUser", "alice@ims.local"),
                row("auth user, another subscriber's number", "B", List.of("belongs to acct-7"), "authUser", "alice@ims.local", "from", "tel:+15145550000"),
                row("auth user mapped to nobody", "C", List.of("dave@ims.local", "not a SIP user"), "authUser", "dave@ims.local"),
                row("auth user of a subscriber without KYC", "B", List.of("acct-nokyc", "not verified (KYC)"), "authUser", "carol@ims.local", "from", "tel:+15145558888"),
                // Registered contact, matched by the From AOR.
                row("registered From AOR of a subscriber", "A", List.of("acct-42 holds 15145559876"), "registered", true,
                        "from", "sip:+15145559876@IMS.local;user=phone"),
                row("not registered, same From", "C", List.of("not authenticated"), "registered", false, "from", "sip:+15145559876@ims.local"),
                row("registered From AOR of nobody", "C", List.of("not a SIP user"), "registered", true, "from", "sip:+15145550000@ims.local"),
                // Number blocks and validity windows.
                row("verified block", "A", List.of("block b-42v", "prefix 1438555"), "authUser", "alice@ims.local", "from", "tel:+14385551234"),
                row("unverified block", "B", List.of("block b-42u", "not verified"), "authUser", "alice@ims.local", "from", "tel:+14386661234"),
                row("longest prefix wins: the short block is another's", "B", List.of("acct-7", "block b-7-short"), "authUser", "alice@ims.local",
                        "from", "tel:+14381111111"),
                row("an exact number beats a block", "A", List.of("acct-42", "16135559999"), "authUser", "alice@ims.local", "from", "tel:+16135559999"),
                row("an expired number row gives way to the block", "B", List.of("acct-7", "block b-7"), "authUser", "alice@ims.local",
                        "from", "tel:+16135550001"),
                // No origin at all.
                row("no trunk, address or user", "C", List.of("no trunk or source address was given", "not authenticated")));
    }

    /** A call from 15145559876 to 15145551234 with the given fields (later pairs override "from"). */
    private static Arguments row(String name, String attest, List<String> reasonWords, Object... fields) {
        Object[] pairs = new Object[fields.length + 4];
        pairs[0] = "from";
        pairs[1] = "sip:+15145559876@ims.local;user=phone";
        pairs[2] = "to";
        pairs[3] = "sip:+15145551234@ims.local";
        System.arraycopy(fields, 0, pairs, 4, fields.length);
        java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            merged.put((String) pairs[i], pairs[i + 1]);
        }
        Object[] flat = merged.entrySet().stream().flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray();
        return Arguments.of(name, json(flat), attest, reasonWords);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("matrix")
    void attestationFollowsTheProvisionedFacts(String name, String body, String attest, List<String> reasonWords) {
        JsonNode response = client.sign(body);

        assertThat(response.path("attest").asText()).as("%s: %s", name, response).isEqualTo(attest);
        assertThat(response.path("reason").asText()).as(name).contains(reasonWords);
        assertThat(SignClient.payload(response).path("attest").asText()).isEqualTo(attest);
    }

    @Test
    void anSqlUpdateOfOwnershipReachesSigningWithinOneSecond() throws InterruptedException {
        String body = json("from", "tel:+15145552222", "to", "15145551234", "authUser", "alice@ims.local");
        assertThat(client.sign(body).path("attest").asText()).isEqualTo("A");

        client.sql("UPDATE telephone_numbers SET verified = false WHERE tn = '15145552222'");
        SignClient.Polled polled = client.poll(body, r -> "B".equals(r.path("attest").asText()), Duration.ofSeconds(5));

        assertThat(polled.response().path("attest").asText()).isEqualTo("B");
        assertThat(polled.response().path("reason").asText()).contains("not verified");
        assertThat(polled.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
}
