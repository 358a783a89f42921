package io.callsign.passport;

import java.util.Objects;

/**
 * A PASSporT or Identity header that cannot be used, with the {@link Reason} (SIP code) and a precise
 * detail for logs and operators, e.g. "signature segment is 71 bytes, ES256 needs 64". The detail may
 * quote (truncated) input; {@link Reason#phrase()} is what goes on the wire (SEC-14).
 */
public final class PassportException extends RuntimeException {

    private final Reason reason;

    public PassportException(Reason reason, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** The precise, human-readable cause (same as {@link #getMessage()}). */
    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "PassportException[" + reason.sipCode() + " " + reason.phrase() + ": " + getMessage() + "]";
    }
}
