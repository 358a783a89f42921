package io.callsign.rtjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import io.callsign.http.JsonBodies;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rtjson option over a real server: {@code POST /v1/sign} and JSON-RPC {@code stir.sign} on
 * {@code POST /rpc} answer the routing document with the Identity in every route, refuse a bad
 * document with a 400 (or -32602) naming the member, and answer without the option exactly as before.
 */
class RtjsonSignIT {

    private static final String CALL = "\"from\":\"sip:+15145559876@ims.local\",\"to\":\"sip:+15145551234@ims.local\","
            + "\"ruri\":\"sip:+15145551234@ims.local\",\"sourceIp\":\"127.0.0.2\"";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void trueGivesOneRouteToTheRequestUriCarryingIdentityAndDate() {
        HttpResponse<String> response = service.postJson("/v1/sign", "{" + CALL + ",\"rtjson\":true}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode answer = read(response.body());
        String identity = answer.path("identity").asText();
        assertThat(identity).contains(";info=<");
        JsonNode routes = answer.path("rtjson").path("routes");
        assertThat(answer.path("rtjson").path("routing").asText()).isEqualTo("serial");
        assertThat(routes).hasSize(1);
        assertThat(routes.get(0).path("uri").asText()).isEqualTo("sip:+15145551234@ims.local");
        assertThat(routes.get(0).path("headers").path("extra").asText())
                .isEqualTo("Identity: " + identity + "\r\nDate: " + answer.path("headers").path("Date").asText() + "\r\n");
    }

    @Test
    void anOperatorDocumentOfTwoRoutesComesBackWithTheIdentityInEachAndAllElseAsSent() {
        String document = "{\"version\":\"1.0\",\"routing\":\"serial\",\"routes\":["
                + "{\"uri\":\"sip:+15145551234@gw1.example\",\"dst_uri\":\"sip:192.0.2.1:5060\",\"fr_inv_timer\":20000,"
                + "\"headers\":{\"extra\":\"X-Carrier: one\\r\\n\"}},"
                + "{\"uri\":\"sip:+15145551234@gw2.example\",\"branch_flags\":2}]}";
        JsonNode answer = read(service.postJson("/v1/sign", "{" + CALL + ",\"rtjson\":" + document + "}").body());
        String added = "Identity: " + answer.path("identity").asText() + "\r\nDate: " + answer.path("headers").path("Date").asText() + "\r\n";
        JsonNode expected = read(document);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.path("routes").get(0).path("headers")).put("extra", "X-Carrier: one\r\n" + added);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.path("routes").get(1)).putObject("headers").put("extra", added);
        assertThat(answer.path("rtjson")).isEqualTo(expected);
    }

    @Test
    void stirSignOverJsonRpcAnswersTheSameDocument() {
        HttpResponse<String> response = service.postJson("/rpc", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"stir.sign\","
                + "\"params\":{" + CALL + ",\"rtjson\":{\"routing\":\"parallel\",\"routes\":[{\"uri\":\"sip:b@gw1\"},{\"uri\":\"sip:b@gw2\"}]}}}");
        JsonNode result = read(response.body()).path("result");
        assertThat(result.path("identity").isTextual()).as(response.body()).isTrue();
        assertThat(result.path("rtjson").path("routes")).hasSize(2).allSatisfy(route -> assertThat(route.path("headers")
                .path("extra").asText()).startsWith("Identity: " + result.path("identity").asText() + "\r\n"));
    }

    @Test
    void aBadDocumentIsA400OrInvalidParamsNamingTheMember() {
        String bad = "\"rtjson\":{\"routes\":[{\"uri\":\"sip:b@gw1\"},{\"headers\":{\"extra\":[\"X: 1\"]}}]}";
        HttpResponse<String> http = service.postJson("/v1/sign", "{" + CALL + "," + bad + "}");
        assertThat(http.statusCode()).isEqualTo(400);
        assertThat(http.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String detail = "field 'rtjson.routes[1].headers.extra': expected a string of header lines, each ending in CRLF, got an array";
        assertThat(read(http.body()).path("detail").asText()).isEqualTo(detail);

        JsonNode rpc = read(service.postJson("/rpc", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stir.sign\",\"params\":{"
                + CALL + "," + bad + "}}").body());
        assertThat(rpc.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(rpc.path("error").path("message").asText()).isEqualTo(detail);
    }

    @Test
    void withoutTheOptionTheAnswerHasNoRtjsonMember() {
        JsonNode answer = read(service.postJson("/v1/sign", "{" + CALL + "}").body());
        assertThat(answer.fieldNames()).toIterable()
                .containsExactly("identity", "attest", "origid", "orig", "dest", "reason", "headers");
    }

    private static JsonNode read(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
