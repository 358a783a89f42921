package io.callsign.certificates;

/** A failure inside this package; turned into {@link Resolution.Failed} at the entry point. */
final class CredentialException extends RuntimeException {

    private final FailureKind kind;

    CredentialException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    CredentialException(FailureKind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }

    static CredentialException fetch(String message) {
        return new CredentialException(FailureKind.FETCH_FAILED, message);
    }
}
