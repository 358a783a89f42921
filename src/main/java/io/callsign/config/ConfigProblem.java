package io.callsign.config;

/**
 * One thing wrong with the settings: which key, the value found, and how to fix it.
 *
 * @param key   the setting's canonical name, e.g. {@code CALLSIGN_LISTEN}
 * @param value the offending value as given (secrets are masked), or {@code null} when missing
 * @param fix   what to do, e.g. "use host:port, e.g. 0.0.0.0:8080"
 */
public record ConfigProblem(String key, String value, String fix) {

    @Override
    public String toString() {
        return key + (value == null ? " is missing" : "=" + quoted(value)) + ": " + fix;
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }
}
