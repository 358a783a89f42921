package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.TestService;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed sign requests over HTTP ({@code application/problem+json} naming the field, never a 500)
 * and over JSON-RPC ({@code -32602} with the same message); good requests give the same result object
 * on both transports.
 */
class SignRequestsIT {

    private static final int MAX_BODY = 2048;
    private static final String GOOD = json("from", "tel:+15145559876", "to", "tel:+15145551234");

    private static TestService service;
    private static SignClient client;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_MAX_BODY_BYTES", String.valueOf(MAX_BODY),
                "CALLSIGN_RPC_MAX_REQUEST_BYTES", String.valueOf(MAX_BODY)));
        client = new SignClient(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"from\": \"tel:+15145559876\", \"to\": ", "malformed JSON"),
                Arguments.of("{\"from\": 'tel:+15145559876'}", "malformed JSON"),
                Arguments.of("", "empty request body"),
                Arguments.of("[]", "must be a JSON object"),
                Arguments.of("\"sip:+15145559876@h\"", "must be a JSON object"),
                Arguments.of("null", "JSON null"),
                Arguments.of(with("registered", "yes"), "field 'registered': expected a boolean"),
                Arguments.of(with("registered", Map.of()), "field 'registered'"),
                Arguments.of(json("from", "tel:+15145559876", "dest", Map.of()), "field 'dest[0]': expected a string"),
                Arguments.of(json("from", "tel:+15145559876", "dest", new Object[] {Map.of()}), "field 'dest[0]': expected a string"),
                Arguments.of(with("from", Map.of("uri", "tel:+1")), "field 'from': expected a string"),
                Arguments.of(with("to", 1.5), "field 'to': expected a string"),
                Arguments.of(json("to", "tel:+15145551234"), "field 'from': missing"),
                Arguments.of(json("from", "tel:+15145559876"), "field 'to': missing"),
                Arguments.of(json("from", "tel:+15145559876", "dest", new String[] {""}), "field 'dest[0]'"),
                Arguments.of(with("sourceIp", "192.0.2.300"), "field 'sourceIp': '192.0.2.300' is not an IP address"),
                Arguments.of(with("sourceIp", "pbx.example.net"), "field 'sourceIp'"),
                Arguments.of(with("attest", "D"), "field 'attest': 'D' is not A, B or C"),
                Arguments.of(with("origid", "42"), "field 'origid': '42' is not a UUID"),
                Arguments.of(with("date", "yesterday"), "field 'date': 'yesterday' is not a SIP Date"),
                Arguments.of(with("date", "Mon, 30 Nov 2026 03:00:00 +0000"), "field 'date'"),
                Arguments.of("{\"from\":\"tel:+15145559876\",\"from\":\"tel:+1\",\"to\":\"1\"}", "Duplicate field 'from'"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformed")
    void httpAnswers400ProblemJsonNamingTheField(String body, String detail) {
        HttpResponse<String> response = client.post(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = SignClient.parse(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asText()).contains(detail).doesNotContain("io.callsign").doesNotContain("Exception");
        assertThat(problem.path("instance").asText()).isEqualTo("/v1/sign");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("malformed")
    void jsonRpcAnswersInvalidParamsWithTheSameMessage(String body, String detail) {
        JsonNode params = parseable(body);
        if (params == null || !params.isContainerNode()) {
            // Not JSON, or not an object or array: no JSON-RPC request can carry it as params; the
            // dispatcher answers -32700 or -32600 before any method runs.
            assertThat(detail).isIn("malformed JSON", "empty request body", "must be a JSON object", "JSON null",
                    "Duplicate field 'from'");
            return;
        }
        String httpDetail = SignClient.parse(client.post(body).body()).path("detail").asText();

        JsonNode rpc = client.rpcSign(body);

        assertThat(rpc.path("id").asInt()).isEqualTo(7);
        assertThat(rpc.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(rpc.path("error").path("message").asText()).isEqualTo(httpDetail);
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJsonWithAndWithoutContentLength() {
        String big = with("callId", "x".repeat(MAX_BODY));
        HttpRequest.Builder post = HttpRequest.newBuilder(service.uri("/v1/sign")).header("Content-Type", "application/json");

        HttpResponse<String> sized = service.send(post.POST(HttpRequest.BodyPublishers.ofString(big)).build());
        HttpResponse<String> chunked = service.send(post.POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());

        for (HttpResponse<String> response : java.util.List.of(sized, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(SignClient.parse(response.body()).path("detail").asText()).contains(String.valueOf(MAX_BODY));
        }
        assertThat(client.sign(GOOD).path("identity").isTextual()).as("the service still signs").isTrue();
    }

    @Test
    void jsonRpcRefusesAnOversizedRequestTooWithAndWithoutContentLength() {
        String big = "{\"jsonrpc\":\"2.0\",\"method\":\"stir.sign\",\"params\":" + with("callId", "x".repeat(MAX_BODY)) + ",\"id\":1}";
        HttpRequest.Builder post = HttpRequest.newBuilder(service.uri("/rpc")).header("Content-Type", "application/json");

        HttpResponse<String> sized = service.send(post.POST(HttpRequest.BodyPublishers.ofString(big)).build());
        HttpResponse<String> chunked = service.send(post.POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());

        for (HttpResponse<String> response : java.util.List.of(sized, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aGoodRequestGivesTheSameResultOverHttpAndJsonRpc() {
        String body = json("from", "sip:+15145559876@ims.local;user=phone", "to", "sip:+15145551234@ims.local",
                "callId", "same@ims.local", "origid", "123e4567-e89b-12d3-a456-426655440000",
                "date", SipDate.format(Instant.now().minusSeconds(5)));

        ObjectNode http = (ObjectNode) client.sign(body);
        ObjectNode rpc = (ObjectNode) client.rpcSign(body).path("result");

        // ECDSA signatures are randomised: compare the signed bytes and everything around them.
        IdentityParts httpParts = IdentityParts.of(http.remove("identity").asText());
        IdentityParts rpcParts = IdentityParts.of(rpc.remove("identity").asText());
        assertThat(rpcParts.header()).isEqualTo(httpParts.header());
        assertThat(rpcParts.payload()).isEqualTo(httpParts.payload());
        assertThat(rpcParts.params()).isEqualTo(httpParts.params());
        assertThat(rpc).isEqualTo(http);
        assertThat(rpc.fieldNames()).toIterable().containsExactly("attest", "origid", "orig", "dest", "reason", "headers");
    }

    @Test
    void aNotSignedResultIsIdenticalOverHttpAndJsonRpc() {
        String body = json("from", "sip:anonymous@anonymous.invalid", "to", "sip:+15145551234@ims.local");

        JsonNode http = client.sign(body);
        JsonNode rpc = client.rpcSign(body).path("result");

        assertThat(rpc).isEqualTo(http);
        assertThat(http.get("identity").isNull()).isTrue();
        assertThat(http.path("reason").asText()).contains("anonymous");
    }

    /** {@link #GOOD} with one more field. */
    private static String with(String field, Object value) {
        return json("from", "tel:+15145559876", "to", "tel:+15145551234", field, value);
    }

    private static JsonNode parseable(String body) {
        try {
            return body.isBlank() ? null : io.callsign.http.JsonBodies.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
