package io.callsign.passport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the five SHAKEN claims from a parsed payload (RFC 8588, ATIS-1000074 §5.3.2). Each must be
 * present with its JSON type (VER-09, SIGN-06); unknown extra claims are ignored (RFC 8225 §8.3,
 * EXT-03).
 */
final class PayloadReader {

    private static final String CLAIMS = "; SHAKEN requires attest, dest, iat, orig and origid (VER-09)";

    private PayloadReader() {
    }

    static ShakenClaims claims(JsonNode payload) {
        for (String claim : List.of("attest", "dest", "iat", "orig", "origid")) {
            if (!payload.has(claim)) {
                throw PassportDecoder.invalid("payload has no '" + claim + "' claim" + CLAIMS);
            }
        }
        String attest = PassportDecoder.text(payload, "attest", "payload");
        List<String> dest = destTns(payload.get("dest"));
        long iat = iat(payload.get("iat"));
        String orig = origTn(payload.get("orig"));
        String origid = PassportDecoder.text(payload, "origid", "payload");
        try {
            return new ShakenClaims(attest, dest, iat, orig, origid);
        } catch (IllegalArgumentException e) {
            throw PassportDecoder.invalid("payload " + e.getMessage());
        }
    }

    // RFC 8225 §5.2.1 / SIGN-08: dest.tn is an array of strings, at least one; dest.uri may also appear.
    private static List<String> destTns(JsonNode dest) {
        if (!dest.isObject()) {
            throw PassportDecoder.invalid("payload 'dest' is not an object like {\"tn\":[\"...\"]}");
        }
        JsonNode tns = dest.get("tn");
        if (tns == null || !tns.isArray() || tns.isEmpty()) {
            throw PassportDecoder.invalid("payload 'dest' has no non-empty 'tn' array (RFC 8225 §5.2.1, SIGN-08)");
        }
        List<String> out = new ArrayList<>(tns.size());
        for (JsonNode tn : tns) {
            if (!tn.isTextual()) {
                throw PassportDecoder.invalid("payload 'dest.tn' holds a " + tn.getNodeType().toString().toLowerCase()
                        + ", not a string");
            }
            out.add(tn.textValue());
        }
        return out;
    }

    // RFC 8225 §5.1.1, §9 / SIGN-06, SEC-09: a JSON integer; no string, fraction or exponent.
    private static long iat(JsonNode iat) {
        if (!iat.isIntegralNumber() || !iat.canConvertToLong()) {
            throw PassportDecoder.invalid("payload 'iat' " + Texts.quote(iat.toString())
                    + " is not an integer NumericDate (RFC 8225 §5.1.1, SEC-09)");
        }
        return iat.longValue();
    }

    // RFC 8225 §5.2.1 / SIGN-07: exactly one identity, {"tn":"..."}.
    private static String origTn(JsonNode orig) {
        if (!orig.isObject() || orig.size() != 1 || !orig.has("tn")) {
            throw PassportDecoder.invalid("payload 'orig' " + Texts.quote(orig.toString())
                    + " is not exactly {\"tn\":\"...\"} (RFC 8225 §5.2.1, SIGN-07)");
        }
        return PassportDecoder.text(orig, "tn", "payload 'orig'");
    }
}
