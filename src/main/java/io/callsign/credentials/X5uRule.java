package io.callsign.credentials;

import java.net.URI;
import java.util.Optional;

/**
 * The shape our own x5u URL must have so that verifiers will dereference it: https on port 443 or
 * 8443 (ATIS-1000074 v003 §5.3.1, SIGN-03) with no userinfo, query, fragment or path parameters
 * (X5U-02). Stateless.
 */
final class X5uRule {

    private X5uRule() {
    }

    /** What to fix in {@code x5u}, or empty when verifiers will accept it. */
    static Optional<String> fix(URI x5u) {
        if (!"https".equalsIgnoreCase(x5u.getScheme())) {
            return Optional.of("verifiers only fetch https x5u URLs (SIGN-03, ATIS-1000074 §5.3.1); "
                    + "publish the chain at https://<host>/.well-known/stir/cert.pem");
        }
        if (x5u.getHost() == null) {
            return Optional.of("the URL has no host name; use https://<host>/.well-known/stir/cert.pem");
        }
        if (x5u.getPort() != -1 && x5u.getPort() != 443 && x5u.getPort() != 8443) {
            return Optional.of("verifiers only fetch from port 443 or 8443 (SIGN-03, ATIS-1000074 §5.3.1); "
                    + "drop :" + x5u.getPort() + " or use :8443");
        }
        if (x5u.getRawUserInfo() != null) {
            return Optional.of("verifiers refuse x5u URLs with userinfo (X5U-02); remove '" + x5u.getRawUserInfo() + "@'");
        }
        if (x5u.getRawQuery() != null) {
            return Optional.of("verifiers refuse x5u URLs with a query (X5U-02); remove '?" + x5u.getRawQuery() + "'");
        }
        if (x5u.getRawFragment() != null) {
            return Optional.of("verifiers refuse x5u URLs with a fragment (X5U-02); remove '#" + x5u.getRawFragment() + "'");
        }
        if (x5u.getRawPath() != null && x5u.getRawPath().contains(";")) {
            return Optional.of("verifiers refuse x5u URLs with path parameters (X5U-02); remove the ';...' part");
        }
        return Optional.empty();
    }
}
