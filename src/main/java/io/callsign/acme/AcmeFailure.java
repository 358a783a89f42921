package io.callsign.acme;

import java.net.URI;
import java.util.Optional;

/**
 * An enrolment or renewal step failed. The message names the step, the CA and, when the server
 * sent one, the ACME problem type and detail (RFC 8555 §6.7); safe to show to operators.
 */
public class AcmeFailure extends RuntimeException {

    private final URI problemType;

    public AcmeFailure(String message) {
        this(message, null, null);
    }

    public AcmeFailure(String message, Throwable cause) {
        this(message, null, cause);
    }

    public AcmeFailure(String message, URI problemType, Throwable cause) {
        super(message, cause);
        this.problemType = problemType;
    }

    /** The ACME problem type, e.g. {@code urn:ietf:params:acme:error:rejectedIdentifier}. */
    public Optional<URI> problemType() {
        return Optional.ofNullable(problemType);
    }
}
