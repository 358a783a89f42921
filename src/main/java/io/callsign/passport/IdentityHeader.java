package io.callsign.passport;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed SIP Identity header (RFC 8224 §4). Immutable.
 *
 * @param token      the PASSporT as it appeared, full form {@code h.p.s} or compact {@code ..s}
 * @param info       the credential URI from {@code info=<…>} (HDR-01)
 * @param alg        the {@code alg} parameter as written, or null when absent (RFC 8224 §4.1 then
 *                   means ES256, HDR-05; the caller applies its profile)
 * @param ppt        the {@code ppt} parameter without quotes, or null when absent (HDR-06)
 * @param extensions any other parameters, names lower-cased, in order; a parameter without value
 *                   maps to "" (HDR-07)
 */
public record IdentityHeader(String token, URI info, String alg, String ppt, Map<String, String> extensions) {

    public IdentityHeader {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(info, "info");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * RFC 8224 §4.1 (HDR-10): the PASSporT's x5u must be equivalent to info under the simple string
     * comparison of RFC 3986 §6.2.1; no normalisation, so {@code HTTPS://} differs from {@code https://}.
     */
    public boolean infoMatches(URI x5u) {
        return x5u != null && info.toString().equals(x5u.toString());
    }

    /** True for the compact form {@code ..signature} (RFC 8224 §4.1.1), which SHAKEN does not use (HDR-04). */
    public boolean compactForm() {
        return token.startsWith("..");
    }
}
