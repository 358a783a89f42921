package io.callsign.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An Identity header value taken apart with {@link java.util.Base64} only, so that tests check the
 * wire bytes rather than our own decoder's view of them.
 *
 * @param token     {@code header.payload.signature}
 * @param header    the decoded protected header JSON, exactly as signed
 * @param payload   the decoded payload JSON, exactly as signed
 * @param signature the decoded signature bytes
 * @param params    everything after the token, e.g. {@code ;info=<...>;alg=ES256;ppt=shaken}
 */
public record IdentityParts(String token, String header, String payload, byte[] signature, String params) {

    public static IdentityParts of(String identity) {
        assertThat(identity).as("Identity is one line").doesNotContain("\r").doesNotContain("\n");
        int semi = identity.indexOf(';');
        String token = semi < 0 ? identity : identity.substring(0, semi);
        String[] segments = token.split("\\.", -1);
        // SIGN-11: JWS Compact Serialization, exactly three segments; HDR-02: base64url, no padding.
        assertThat(segments).as("JWS segments of %s", token).hasSize(3);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return new IdentityParts(token,
                new String(b64.decode(segments[0]), StandardCharsets.UTF_8),
                new String(b64.decode(segments[1]), StandardCharsets.UTF_8),
                b64.decode(segments[2]),
                semi < 0 ? "" : identity.substring(semi));
    }

    /** {@code header.payload}: the JWS signing input (RFC 7515 §5.1). */
    public byte[] signingInput() {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /** SIGN-05/06/07/08/10: the canonical SHAKEN payload, byte for byte. */
    public static String expectedPayload(String attest, String dest, long iat, String orig, String origid) {
        return "{\"attest\":\"" + attest + "\",\"dest\":{\"tn\":[" + dest + "]},\"iat\":" + iat
                + ",\"orig\":{\"tn\":\"" + orig + "\"},\"origid\":\"" + origid + "\"}";
    }

    /** SIGN-01/02/04/10: the canonical protected header, byte for byte. */
    public static String expectedHeader(String x5u) {
        return "{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + x5u + "\"}";
    }
}
