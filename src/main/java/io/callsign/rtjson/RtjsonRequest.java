package io.callsign.rtjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.http.Problem;

/**
 * Checks a sign request's {@code rtjson} value. Every refusal is a 400 whose detail names the exact
 * member, e.g. {@code field 'rtjson.routes[2].headers.extra'}. The size of a document is bounded by
 * the request body limit ({@code CALLSIGN_MAX_BODY_BYTES}, {@code CALLSIGN_RPC_MAX_REQUEST_BYTES}).
 */
final class RtjsonRequest {

    private RtjsonRequest() {
    }

    static RtjsonOption parse(JsonNode field, String ruri, String to) {
        if (field == null || field.isNull() || field.isBoolean() && !field.booleanValue()) {
            return null;
        }
        if (field.isBoolean()) {
            return new RtjsonOption.OneRoute(routeUri(ruri, to));
        }
        if (!field.isObject()) {
            throw Problem.badRequest("field 'rtjson': expected true or an rtjson routing document "
                    + "(an object with a 'routes' array), got " + kind(field));
        }
        checkRoutes(field.get("routes"));
        return new RtjsonOption.OperatorDocument((ObjectNode) field);
    }

    private static void checkRoutes(JsonNode routes) {
        if (routes == null || !routes.isArray()) {
            throw Problem.badRequest("field 'rtjson.routes': " + (routes == null ? "missing" : "expected an array, got "
                    + kind(routes)) + "; an rtjson document lists its routes, e.g. {\"routing\":\"serial\",\"routes\":[{\"uri\":\"sip:...\"}]}");
        }
        if (routes.isEmpty()) {
            throw Problem.badRequest("field 'rtjson.routes': empty; give at least one route");
        }
        for (int i = 0; i < routes.size(); i++) {
            String name = "rtjson.routes[" + i + "]";
            JsonNode route = routes.get(i);
            if (!route.isObject()) {
                throw Problem.badRequest("field '" + name + "': expected an object, got " + kind(route));
            }
            JsonNode headers = route.get("headers");
            if (headers != null && !headers.isObject()) {
                throw Problem.badRequest("field '" + name + ".headers': expected an object, got " + kind(headers));
            }
            JsonNode extra = headers == null ? null : headers.get("extra");
            if (extra != null && !extra.isTextual()) {
                throw Problem.badRequest("field '" + name + ".headers.extra': expected a string of header lines, "
                        + "each ending in CRLF, got " + kind(extra));
            }
        }
    }

    /** {@code true}: the Request-URI, else the URI of the To value (RFC 3261 §20.39). */
    private static String routeUri(String ruri, String to) {
        String name = present(ruri) ? "ruri" : "to";
        String uri = present(ruri) ? ruri.strip() : present(to) ? addrSpec(to) : null;
        if (uri == null || uri.isEmpty()) {
            throw Problem.badRequest("field 'rtjson': true needs 'ruri' (or 'to') for the route's uri; "
                    + "send the Request-URI, or your own routing document");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            // The uri becomes the branch's Request-URI: no whitespace or control characters (RFC 3261 §25.1).
            if (c <= 0x20 || c == 0x7f) {
                throw Problem.badRequest("field '" + name + "': the URI contains a space or control character "
                        + "at index " + i + "; it cannot be the uri of an rtjson route");
            }
        }
        return uri;
    }

    /** The URI of a name-addr ({@code "Bob" <sip:b@h>;tag=1}) or addr-spec ({@code sip:b@h;tag=1}). */
    private static String addrSpec(String value) {
        String s = value.strip();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            int gt = s.indexOf('>', lt);
            return s.substring(lt + 1, gt < 0 ? s.length() : gt).strip();
        }
        // RFC 3261 §20.10: without angle brackets, parameters belong to the header, not the URI.
        int semi = s.indexOf(';');
        return semi < 0 ? s : s.substring(0, semi).strip();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> "another JSON type";
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
