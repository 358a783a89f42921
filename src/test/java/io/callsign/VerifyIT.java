package io.callsign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.http.JsonBodies;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STI-AS to STI-VS through the real service in lab mode: {@code POST /v1/sign}, then
 * {@code POST /v1/verify} and {@code stir.verify} over {@code POST /rpc}, the verifier fetching the lab
 * chain over HTTPS from the service's own repository (lab root as anchor and HTTPS CA, lab host on a
 * random port).
 */
class VerifyIT {

    private static final String FROM = "sip:+1 514-555-9876@ims.local;user=phone";
    private static final String TO = "sip:+15145551234@ims.local";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_TLS_LISTEN", "127.0.0.1:0", "SBC_STIR_ATTESTATION", "A"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonBodies.MAPPER.readTree(response.body());
    }

    /** A fresh signature: the identity header and the Date to send with it. */
    private static ObjectNode signedCall(String callId) throws Exception {
        HttpResponse<String> signed = service.postJson("/v1/sign",
                "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\",\"callId\":\"" + callId + "\"}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode sign = json(signed);
        assertThat(sign.path("identity").isTextual()).as(signed.body()).isTrue();
        ObjectNode verify = JsonBodies.MAPPER.createObjectNode();
        verify.putArray("identity").add(sign.get("identity").asText());
        verify.put("from", FROM).put("to", TO).put("date", sign.path("headers").path("Date").asText()).put("callId", callId);
        return verify;
    }

    @Test
    void signThenVerifyOverHttpPassesWithTheSignedClaims() throws Exception {
        HttpResponse<String> response = service.postJson("/v1/verify", signedCall("http-1@test").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = json(response);
        assertThat(verdict.get("verstat").asText()).as(response.body()).isEqualTo("TN-Validation-Passed");
        assertThat(verdict.get("attest").asText()).isEqualTo("A");
        assertThat(verdict.get("orig").asText()).isEqualTo("15145559876");
        assertThat(verdict.get("dest").get(0).asText()).isEqualTo("15145551234");
        assertThat(verdict.get("x5u").asText()).startsWith("https://127.0.0.1:" + service.service().tlsPort().orElseThrow());
        assertThat(verdict.get("headers").get("X-STIR-Verified").asText()).isEqualTo("true");
        assertThat(verdict.get("headers").get("X-STIR-Attestation").asText()).isEqualTo("A");
        assertThat(verdict.get("reject").isNull()).isTrue();
        assertThat(verdict.get("reasonHeader").isNull()).isTrue();
        assertThat(response.body().length()).isLessThan(8192);
    }

    @Test
    void aBodyThatArrivesInTwoPartsIsReadWhole() throws Exception {
        byte[] body = signedCall("parts-1@test").toString().getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.service().httpPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(200); // the server reads the first half on its own
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"verstat\":\"TN-Validation-Passed\"");
    }

    @Test
    void signThenVerifyOverJsonRpcPasses() throws Exception {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"stir.verify\",\"params\":" + signedCall("rpc-1@test") + "}";

        HttpResponse<String> response = service.postJson("/rpc", request);

        JsonNode reply = json(response);
        assertThat(reply.get("id").asInt()).isEqualTo(7);
        assertThat(reply.path("result").path("verstat").asText()).as(response.body()).isEqualTo("TN-Validation-Passed");
        assertThat(reply.path("result").path("headers").path("X-STIR-Verstat").asText()).isEqualTo("TN-Validation-Passed");
    }

    @Test
    void badJsonRpcParamsAreInvalidParamsNamingTheField() throws Exception {
        JsonNode wrongType = json(service.postJson("/rpc",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stir.verify\",\"params\":{\"identity\":{\"x\":1}}}"));
        JsonNode none = json(service.postJson("/rpc", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stir.verify\"}"));

        assertThat(wrongType.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(wrongType.path("error").path("message").asText()).contains("field 'identity");
        assertThat(none.path("error").path("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void aTamperedHeaderIsAFailedVerdictNotAnError() throws Exception {
        ObjectNode call = signedCall("tamper@test");
        String identity = call.get("identity").get(0).asText();
        int dot = identity.indexOf('.');
        call.putArray("identity").add(identity.substring(0, dot + 5) + (identity.charAt(dot + 5) == 'A' ? 'B' : 'A')
                + identity.substring(dot + 6));

        HttpResponse<String> response = service.postJson("/v1/verify", call.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = json(response);
        assertThat(verdict.get("verstat").asText()).isEqualTo("TN-Validation-Failed");
        assertThat(verdict.get("attest").isNull()).isTrue();
        assertThat(verdict.get("reasonHeader").asText()).startsWith("SIP;cause=438;");
    }

    @Test
    void malformedBodiesAre400ProblemsAndNoIdentityIsNoTnValidation() throws Exception {
        for (String body : new String[] {"{\"identity\":{\"x\":1}}", "null", "[]", "{oops", "{\"date\":[1]}"}) {
            HttpResponse<String> response = service.postJson("/v1/verify", body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        HttpResponse<String> none = service.postJson("/v1/verify", "{\"from\":\"" + FROM + "\",\"identity\":[]}");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json(none).get("verstat").asText()).isEqualTo("No-TN-Validation");
    }

    @Test
    void aWarmCacheVerifiesManyCallsWithOneFetchAndExportsMetrics() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = service.postJson("/v1/verify", signedCall("warm-" + i + "@test").toString());
            assertThat(json(response).get("verstat").asText()).as(response.body()).isEqualTo("TN-Validation-Passed");
        }

        String metrics = service.get("/metrics").body();
        assertThat(metrics).contains("callsign_x5u_fetches 1.0")
                .contains("callsign_verify_total{verstat=\"TN-Validation-Passed\",reason=\"verified\"}")
                .contains("callsign_verify_attestation_total{attest=\"A\"}")
                .contains("callsign_x5u_lookups{result=\"hit\"}");
    }
}
