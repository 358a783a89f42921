package io.callsign.certadmin;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code cert status} table: one {@code name  value} line per field of {@link CertificateStatus}. Pure. */
final class StatusTable {

    private StatusTable() {
    }

    static String render(JsonNode status) {
        StringBuilder out = new StringBuilder();
        line(out, "source", text(status, "source"));
        if (!status.path("installed").asBoolean()) {
            line(out, "certificate", "none installed yet");
        } else {
            line(out, "subject", text(status, "subject"));
            line(out, "issuer", text(status, "issuer"));
            line(out, "serial", text(status, "serial"));
            line(out, "not before", text(status, "notBefore"));
            line(out, "not after", text(status, "notAfter") + " (" + status.path("daysLeft").asLong() + " days left)");
            line(out, "x5u", text(status, "x5u"));
        }
        JsonNode acme = status.path("acme");
        if (acme.isObject()) {
            line(out, "acme state", text(acme, "state"));
            line(out, "acme directory", text(acme, "directory") + " (" + text(acme, "challenge") + ")");
            line(out, "next renewal", text(acme, "nextRenewal"));
            line(out, "last error", text(acme, "lastError"));
            if (acme.hasNonNull("explanation")) {
                line(out, "CA explanation", text(acme, "explanation"));
            }
        }
        line(out, "alert", status.path("alert").asBoolean() ? "YES" : "no");
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-15s %s%n", name, value));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
