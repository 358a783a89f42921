package io.callsign.passport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.regex.Pattern;

/** Formats and parses the SIP Identity header value (RFC 8224 §4). Stateless and thread-safe. */
public final class IdentityHeaderCodec {

    /** Longest header value {@link #parse} reads (SEC-09). */
    public static final int MAX_HEADER_CHARS = 8192;

    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+");

    private IdentityHeaderCodec() {
    }

    /** {@code <jws>;info=<x5u>;alg=ES256;ppt=shaken} on one line (HDR-01, SIGN-04). */
    public static String format(String jws, URI info) {
        if (jws == null || !JWS.matcher(jws).matches()) {
            throw new IllegalArgumentException("'" + Texts.quote(jws) + "' is not a base64url JWS (HDR-02)");
        }
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
        return IdentityHeaderParser.parse(headerValue);
    }

    /** Turns the raw parameter map of one header into an {@link IdentityHeader}. */
    static IdentityHeader build(String token, Map<String, String> params) {
        URI info = info(params.remove("info"));
        String alg = params.remove("alg");
        String ppt = params.remove("ppt");
        return new IdentityHeader(token, info, alg, ppt, params);
    }

    private static URI info(String raw) {
        if (raw == null) {
            throw new PassportException(Reason.BAD_IDENTITY_INFO,
                    "the Identity header has no info parameter (RFC 8224 §4, HDR-01)");
        }
        if (raw.length() < 2 || raw.charAt(0) != '<' || raw.charAt(raw.length() - 1) != '>') {
            throw new PassportException(Reason.BAD_IDENTITY_INFO, "info '" + Texts.quote(raw)
                    + "' must be an absolute URI in angle brackets, info=<https://...> (RFC 8224 §4, HDR-01)");
        }
        String uri = raw.substring(1, raw.length() - 1).strip();
        try {
            URI parsed = KnownUris.parse(uri);
            if (parsed.isAbsolute()) {
                return parsed;
            }
        } catch (URISyntaxException e) {
            // reported below with the value
        }
        throw new PassportException(Reason.BAD_IDENTITY_INFO, "info <" + Texts.quote(uri)
                + "> is not an absolute URI (RFC 8224 §4, HDR-01)");
    }
}
