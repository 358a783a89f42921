package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Prints the attestation policy's explanation for a person: the decision first (a level, or an
 * object with a {@code level} and its details), the other plain fields, then every step numbered.
 * Works with any JSON object, so the policy's answer can grow without breaking the CLI.
 */
final class ExplainPrinter {

    private static final Set<String> FIRST = Set.of("decision", "attest", "steps");

    private ExplainPrinter() {
    }

    static void print(JsonNode answer, PrintStream out) {
        if (answer == null || !answer.isObject()) {
            out.println(answer);
            return;
        }
        for (String name : new String[] {"decision", "attest"}) {
            JsonNode value = answer.get(name);
            if (value != null && value.isObject()) {
                out.println(name + ": " + text(value.has("level") ? value.get("level") : value));
                fields(value, Set.of("level"), out);
            } else if (value != null) {
                out.println(name + ": " + text(value));
            }
        }
        fields(answer, FIRST, out);
        JsonNode steps = answer.path("steps");
        if (steps.isArray()) {
            out.println("steps:");
            int n = 1;
            for (JsonNode step : steps) {
                out.println("  " + n++ + ". " + text(step));
            }
        }
    }

    private static void fields(JsonNode object, Set<String> skip, PrintStream out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!skip.contains(field.getKey()) && !field.getValue().isNull()) {
                out.println(field.getKey() + ": " + text(field.getValue()));
            }
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
