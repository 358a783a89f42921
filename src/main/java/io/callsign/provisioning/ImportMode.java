package io.callsign.provisioning;

import io.callsign.http.Problem;

/** What a number import does with a file that has bad rows ({@code ?mode=}). */
enum ImportMode {
    /** Any bad row: nothing is written, 422 lists the bad rows. The default. */
    ALL_OR_NOTHING("all-or-nothing"),
    /** The good rows are written, the bad rows are reported. */
    REPORT("report");

    final String text;

    ImportMode(String text) {
        this.text = text;
    }

    static ImportMode parse(String text) {
        for (ImportMode mode : values()) {
            if (mode.text.equals(text)) {
                return mode;
            }
        }
        throw Problem.badRequest("query 'mode': '" + text + "' is not a mode; use all-or-nothing or report");
    }
}
