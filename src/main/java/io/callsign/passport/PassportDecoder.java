package io.callsign.passport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The strict decoder behind {@link PassportCodec#decode}. Checks run cheapest first and in the order
 * of RFC 8224 §6.2 (ppt before anything about the credential or signature, VER-01).
 */
final class PassportDecoder {

    private PassportDecoder() {
    }

    static DecodedPassport decode(String jws, boolean judgeCanonical) {
        int[] dots = dots(jws);
        String headerJson = PassportJson.utf8("header", Base64Url.decode("header", jws, 0, dots[0]));
        JsonNode header = PassportJson.object("header", headerJson);
        URI x5u = checkHeader(header);
        String payloadJson = PassportJson.utf8("payload", Base64Url.decode("payload", jws, dots[0] + 1, dots[1]));
        JsonNode payload = PassportJson.object("payload", payloadJson);
        ShakenClaims claims = PayloadReader.claims(payload);
        byte[] signature = Base64Url.decode("signature", jws, dots[1] + 1, jws.length());
        String problem = EcdsaP256.rangeProblem(signature);
        if (problem != null) {
            throw invalid(problem + " (RFC 7518 §3.4; SEC-06, SEC-07)");
        }
        boolean canonical = judgeCanonical && headerJson.equals(PassportJson.canonical(header))
                && payloadJson.equals(PassportJson.canonical(payload));
        byte[] signingInput = jws.substring(0, dots[1]).getBytes(StandardCharsets.US_ASCII);
        return new DecodedPassport("shaken", x5u, claims, signingInput, signature, canonical);
    }

    /** Positions of the two periods of {@code header.payload.signature} (RFC 7515 §7.1, SEC-08). */
    private static int[] dots(String jws) {
        if (jws == null || jws.isEmpty()) {
            throw invalid("no PASSporT given");
        }
        if (jws.length() > PassportCodec.MAX_TOKEN_CHARS) {
            throw invalid("PASSporT is " + jws.length() + " characters; the limit is "
                    + PassportCodec.MAX_TOKEN_CHARS + " (SEC-09)");
        }
        int first = jws.indexOf('.');
        int second = first < 0 ? -1 : jws.indexOf('.', first + 1);
        if (second < 0 || jws.indexOf('.', second + 1) >= 0) {
            long segments = jws.chars().filter(c -> c == '.').count() + 1;
            throw invalid("PASSporT has " + segments + " segments; the full form has exactly 3 (RFC 7515 §7.1, SEC-08)");
        }
        if (first == 0 && second == 1) {
            throw invalid("compact form '..signature' is not supported; SHAKEN uses the full form (RFC 8588 §3, HDR-04)");
        }
        return new int[] {first, second};
    }

    /** The protected-header rules; returns x5u. */
    private static URI checkHeader(JsonNode header) {
        String ppt = text(header, "ppt", "header");
        if (!ppt.equals("shaken")) {
            throw new PassportException(Reason.USE_SUPPORTED_PASSPORT_FORMAT, "PASSporT ppt '" + Texts.quote(ppt)
                    + "' is not supported; only 'shaken' is (RFC 8225 §8.1, VER-02)");
        }
        String alg = text(header, "alg", "header");
        if (!alg.equals("ES256")) {
            throw invalid("header alg '" + Texts.quote(alg) + "' is refused; only ES256 is accepted (RFC 8225 §4.2, SEC-01, SEC-02)");
        }
        if (header.has("crit")) {
            throw invalid("header has crit " + Texts.quote(header.get("crit").toString())
                    + "; no critical extension is supported (RFC 7515 §4.1.11, SEC-04)");
        }
        String typ = text(header, "typ", "header");
        if (!typ.equals("passport")) {
            throw invalid("header typ '" + Texts.quote(typ) + "' must be 'passport' (RFC 8225 §4.1, VER-03)");
        }
        return absoluteUri(text(header, "x5u", "header"));
    }

    private static URI absoluteUri(String x5u) {
        try {
            URI uri = KnownUris.parse(x5u);
            if (uri.isAbsolute() && !uri.isOpaque()) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the value
        }
        throw invalid("header x5u '" + Texts.quote(x5u) + "' is not an absolute hierarchical URI (RFC 8225 §4.3)");
    }

    /** The string member {@code name} of {@code object}; missing or non-string gives 438. */
    static String text(JsonNode object, String name, String where) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw invalid(where + " has no '" + name + "'");
        }
        if (!value.isTextual()) {
            throw invalid(where + " '" + name + "' is " + value.getNodeType().toString().toLowerCase()
                    + ", not a string");
        }
        return value.textValue();
    }

    static PassportException invalid(String detail) {
        return new PassportException(Reason.INVALID_IDENTITY_HEADER, detail);
    }
}
