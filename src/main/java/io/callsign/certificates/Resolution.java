package io.callsign.certificates;

import java.util.List;
import java.util.Objects;

/** The outcome of resolving an x5u for one call: a usable credential, or why there is none. */
public sealed interface Resolution {

    /**
     * The credential passed every check at the call's time.
     *
     * @param warnings what was accepted leniently (profile findings, Content-Type, unknown revocation)
     */
    record Trusted(Credential credential, List<String> warnings) implements Resolution {
        public Trusted {
            Objects.requireNonNull(credential, "credential");
            warnings = List.copyOf(warnings);
        }
    }

    /** @param message precise, for logs: names the x5u, what failed and what to do */
    record Failed(FailureKind kind, String message) implements Resolution {
        public Failed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }
}
