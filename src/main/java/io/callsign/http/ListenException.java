package io.callsign.http;

/**
 * A listener could not be opened (port taken, address not on this host, no permission): an operator
 * problem reported in one line at start-up, not a stack trace.
 */
public final class ListenException extends RuntimeException {

    public ListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
