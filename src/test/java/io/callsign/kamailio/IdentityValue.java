package io.callsign.kamailio;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Identity header value as it crossed the wire, "<jws>;info=<url>;alg=ES256;ppt=shaken", decoded
 * just enough for assertions (RFC 8224 §4). Independent of Callsign's own parser on purpose.
 */
record IdentityValue(String raw, String jws, String info, JsonNode header, JsonNode payload) {

    private static final Pattern INFO = Pattern.compile(";\\s*info\\s*=\\s*<([^>]*)>");

    static IdentityValue parse(String raw) {
        String jws = raw.split(";", 2)[0].trim();
        String[] parts = jws.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a full-form JWS (HDR-04): " + raw);
        }
        Matcher info = INFO.matcher(raw);
        return new IdentityValue(raw, jws, info.find() ? info.group(1) : null, json(parts[0]), json(parts[1]));
    }

    String attest() {
        return payload.path("attest").asText();
    }

    String orig() {
        return payload.path("orig").path("tn").asText();
    }

    long iat() {
        return payload.path("iat").asLong();
    }

    /** The same header with the payload's attest changed and the signature kept: a forgery. */
    IdentityValue withAttest(String forged) {
        String[] parts = jws.split("\\.");
        String payloadJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"attest\":\"" + attest() + "\"", "\"attest\":\"" + forged + "\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        return parse(tampered + raw.substring(jws.length()));
    }

    private static JsonNode json(String base64url) {
        return LabCallsign.read(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }
}
