package io.callsign.certificates;

/**
 * Why a fetch or validation failed, thrown by {@link X5uFetcher} and {@link ChainValidator};
 * {@link CredentialResolver} turns it into {@link Resolution.Failed}. The message names the URL, what
 * failed and what to do; it holds no stack trace.
 */
public final class CredentialException extends RuntimeException {

    private final FailureKind kind;

    CredentialException(FailureKind kind, String message) {
        this(kind, message, null);
    }

    CredentialException(FailureKind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    static CredentialException fetch(String message) {
        return new CredentialException(FailureKind.FETCH_FAILED, message);
    }
}
