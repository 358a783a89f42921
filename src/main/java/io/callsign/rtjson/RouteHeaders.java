package io.callsign.rtjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A route's {@code headers.extra}: the raw header lines Kamailio's rtjson_update_branch() adds to its branch. */
final class RouteHeaders {

    private RouteHeaders() {
    }

    static String wire(List<HeaderLine> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line.wire()));
        return out.toString();
    }

    /**
     * Appends {@code lines} after the route's own extra lines, which stay as they are. When those do
     * not end a line, a CRLF ends it first, or the first added header would be glued to the operator's
     * last value.
     */
    static void append(ObjectNode route, List<HeaderLine> lines) {
        ObjectNode headers = route.has("headers") ? (ObjectNode) route.get("headers") : route.putObject("headers");
        JsonNode extra = headers.get("extra");
        String own = extra == null ? "" : extra.textValue();
        String separator = own.isEmpty() || own.endsWith("\n") ? "" : "\r\n";
        headers.put("extra", own + separator + wire(lines));
    }
}
