package io.callsign.passport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds tokens from arbitrary JSON, properly signed with {@link TestKeys}, to isolate one fault. */
final class TestTokens {

    static final String X5U = "https://cert.example.org/passport.pem";
    static final String HEADER = "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + X5U + "\"}";
    static final String PAYLOAD = "{\"attest\":\"A\",\"dest\":{\"tn\":[\"12155551213\"]},\"iat\":1443208345,"
            + "\"orig\":{\"tn\":\"12155551212\"},\"origid\":\"123e4567-e89b-12d3-a456-426655440000\"}";

    private TestTokens() {
    }

    static String b64(String json) {
        return b64(json.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String signingInput(String headerJson, String payloadJson) {
        return b64(headerJson) + "." + b64(payloadJson);
    }

    /** {@code header.payload.signature}, with a valid ES256 signature by the test key. */
    static String signed(String headerJson, String payloadJson) {
        String input = signingInput(headerJson, payloadJson);
        byte[] sig = Es256.active().sign(TestKeys.PRIVATE, input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64(sig);
    }

    static String withPayload(String payloadJson) {
        return signed(HEADER, payloadJson);
    }

    static String withHeader(String headerJson) {
        return signed(headerJson, PAYLOAD);
    }
}
