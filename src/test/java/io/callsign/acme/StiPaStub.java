package io.callsign.acme;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

/**
 * The STI-PA token API (RFC 9448 §5, ACME-10) on 127.0.0.1: POST {@code /token} with Basic
 * {@code carrier:secret} and an {@code atc} object; answers {@code {"token": <ES256 JWS>}} whose
 * claims echo the requested atc. Test stub.
 */
final class StiPaStub implements AutoCloseable {

    static final String USER = "carrier";
    static final String PASSWORD = "secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair signingKey = Keys.newP256();
    final AtomicInteger tokensIssued = new AtomicInteger();
    volatile Duration tokenLifetime = Duration.ofMinutes(30);
    volatile JsonNode lastRequest;
    private final HttpsServer server;

    StiPaStub(TestPki.Tls tls) throws Exception {
        server = TestHttps.start(tls, this::handle);
    }

    URI tokenUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    private void handle(HttpExchange exchange) throws java.io.IOException {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !"/token".equals(exchange.getRequestURI().getPath())) {
            TestHttps.send(exchange, 404, "text/plain", "no such resource");
            return;
        }
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            TestHttps.send(exchange, 403, "application/json", "{\"error\":\"bad credentials\"}");
            return;
        }
        JsonNode request = JSON.readTree(TestHttps.body(exchange));
        lastRequest = request;
        JsonNode atc = request.path("atc");
        if (!"TNAuthList".equals(atc.path("tktype").asText()) || atc.path("ca").asBoolean(true)
                || !atc.path("fingerprint").asText().startsWith("SHA256 ")) {
            TestHttps.send(exchange, 400, "application/json", "{\"error\":\"bad atc\"}");
            return;
        }
        TestHttps.send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("token", token(atc))));
    }

    private String token(JsonNode atc) {
        try {
            Map<String, Object> claims = Map.of("exp", Instant.now().plus(tokenLifetime).getEpochSecond(),
                    "jti", UUID.randomUUID().toString(), "atc", JSON.convertValue(atc, Map.class));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jws.setHeader("typ", "JWT");
            jws.setHeader("x5u", "https://sti-pa.example/cert.pem");
            jws.setPayload(JSON.writeValueAsString(claims));
            jws.setKey(signingKey.getPrivate());
            tokensIssued.incrementAndGet();
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
