package io.callsign.numbers;

/**
 * The input names no telephone number: anonymous caller, alphabetic user part, unsupported URI
 * scheme, malformed syntax. The message is a human reason suitable for a "not signed" answer, e.g.
 * "the calling party is anonymous". Unchecked: a policy outcome, not a fault.
 */
public final class NotATelephoneNumberException extends IllegalArgumentException {

    public NotATelephoneNumberException(String reason) {
        super(reason);
    }

    // Anonymous calls throw this on the call path; the stack says nothing the message does not.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
