package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints the attestation policy's explanation for a person: the decision first, the other plain
 * fields, then every step numbered. Works with any JSON object, so the policy's shape can grow.
 */
final class ExplainPrinter {

    private ExplainPrinter() {
    }

    static void print(JsonNode answer, PrintStream out) {
        if (answer == null || !answer.isObject()) {
            out.println(answer);
            return;
        }
        for (String first : new String[] {"decision", "attest"}) {
            if (answer.has(first)) {
                out.println(first + ": " + text(answer.get(first)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("decision") && !field.getKey().equals("attest") && !field.getKey().equals("steps")) {
                out.println(field.getKey() + ": " + text(field.getValue()));
            }
        }
        JsonNode steps = answer.path("steps");
        if (steps.isArray()) {
            out.println("steps:");
            int n = 1;
            for (JsonNode step : steps) {
                out.println("  " + n++ + ". " + text(step));
            }
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
