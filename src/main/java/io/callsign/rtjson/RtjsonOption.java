package io.callsign.rtjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a sign request's {@code rtjson} field asked for (API.md): a one-route document to the
 * Request-URI ({@code true}), or the operator's own routing document (an object). Values are
 * immutable; {@link #answer} builds a fresh document per call. Thread-safe.
 */
public sealed interface RtjsonOption permits RtjsonOption.OneRoute, RtjsonOption.OperatorDocument {

    /**
     * The document for the response: {@code lines} appended, in order, to every route's
     * {@code headers.extra}; none when the call was not signed.
     */
    ObjectNode answer(List<HeaderLine> lines);

    /**
     * The option a request field asks for; null when it asks for none (absent, JSON null or
     * {@code false}).
     *
     * @param field the request's {@code rtjson} value, as parsed
     * @param ruri  the request's Request-URI, or null
     * @param to    the request's To value, or null; its URI is used when there is no Request-URI
     * @throws io.callsign.http.Problem 400 naming the field, when the value cannot be used
     */
    static RtjsonOption parse(JsonNode field, String ruri, String to) {
        return RtjsonRequest.parse(field, ruri, to);
    }

    /** {@code rtjson: true}: Callsign writes a serial document with one route to {@code uri}. */
    record OneRoute(String uri) implements RtjsonOption {

        @Override
        public ObjectNode answer(List<HeaderLine> lines) {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.put("version", "1.0");
            document.put("routing", "serial");
            ObjectNode route = document.putArray("routes").addObject();
            route.put("uri", uri);
            if (!lines.isEmpty()) {
                route.putObject("headers").put("extra", RouteHeaders.wire(lines));
            }
            return document;
        }
    }

    /** An operator's document, already checked: {@code routes} is a non-empty array of objects. */
    record OperatorDocument(ObjectNode document) implements RtjsonOption {

        public OperatorDocument {
            document = document.deepCopy();
        }

        @Override
        public ObjectNode answer(List<HeaderLine> lines) {
            ObjectNode copy = document.deepCopy();
            if (!lines.isEmpty()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy.get("routes")).forEach(route -> RouteHeaders.append((ObjectNode) route, lines));
            }
            return copy;
        }
    }
}
