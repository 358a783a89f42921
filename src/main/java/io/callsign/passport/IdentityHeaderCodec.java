package io.callsign.passport;

import java.net.URI;

/** Formats and parses the SIP Identity header value (RFC 8224 §4). Stateless and thread-safe. */
public final class IdentityHeaderCodec {

    /** Longest header value {@link #parse} reads (SEC-09). */
    public static final int MAX_HEADER_CHARS = 8192;

    private IdentityHeaderCodec() {
    }

    /** {@code <jws>;info=<x5u>;alg=ES256;ppt=shaken} on one line (HDR-01, SIGN-04). */
    public static String format(String jws, URI info) {
        if (info == null || !info.isAbsolute()) {
            throw new IllegalArgumentException("info '" + info + "' must be an absolute URI (RFC 8224 §4)");
        }
        return jws + ";info=<" + info.toASCIIString() + ">;alg=ES256;ppt=shaken";
    }

    /**
     * Parses one Identity header value, optionally still prefixed by {@code Identity:} or {@code y:}
     * (HDR-03), tolerating LWS and folding around {@code ;} and {@code =} (HDR-09).
     *
     * @throws PassportException {@link Reason#BAD_IDENTITY_INFO} when {@code info} is missing or not
     *                           {@code <absoluteURI>} (HDR-01), else {@link Reason#INVALID_IDENTITY_HEADER}
     */
    public static IdentityHeader parse(String headerValue) {
        throw new PassportException(Reason.INVALID_IDENTITY_HEADER, "parser not implemented yet");
    }
}
