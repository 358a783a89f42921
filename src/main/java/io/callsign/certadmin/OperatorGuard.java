package io.callsign.certadmin;

import io.callsign.http.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may call the certificate routes; the same rule as the provisioning API, decided before the
 * route runs. With {@code CALLSIGN_PROVISIONING_TOKEN} set, every client must send
 * {@code Authorization: Bearer <token>} (401 with {@code WWW-Authenticate: Bearer} otherwise);
 * without it only loopback clients are served (403 for others), so a fresh install is not open to
 * the network. Deliberately small: meant to be replaced by the provisioning API's shared guard.
 * Thread-safe.
 */
public final class OperatorGuard {

    private final Optional<String> token;

    /** @param token the bearer token operators present; empty = loopback clients only */
    public OperatorGuard(Optional<String> token) {
        this.token = token.filter(value -> !value.isBlank());
    }

    /** {@code next}, run only for callers {@link #refusal} lets through. */
    public HttpHandler protect(HttpHandler next) {
        return exchange -> {
            Optional<Problem> refused = refusal(token, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                    exchange.getSourceAddress().getAddress());
            if (refused.isPresent()) {
                if (refused.get().status() == 401) {
                    exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"callsign\"");
                }
                throw refused.get();
            }
            next.handleRequest(exchange);
        };
    }

    /** Why {@code peer}, sending {@code authorization}, may not proceed; empty when it may. */
    static Optional<Problem> refusal(Optional<String> token, String authorization, InetAddress peer) {
        if (token.isPresent()) {
            Optional<String> presented = bearer(authorization);
            if (presented.isEmpty()) {
                return Optional.of(new Problem(401, "Unauthorized", "send 'Authorization: Bearer <token>' with the"
                        + " value of CALLSIGN_PROVISIONING_TOKEN"));
            }
            return sameSecret(presented.get(), token.get()) ? Optional.empty() : Optional.of(new Problem(401,
                    "Unauthorized", "the bearer token is not the one configured in CALLSIGN_PROVISIONING_TOKEN"));
        }
        // 127.0.0.0/8 and ::1; an IPv4-mapped ::ffff:127.x arrives as an Inet4Address already.
        if (peer != null && peer.isLoopbackAddress()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(403, "Forbidden", "only loopback clients are served while"
                + " CALLSIGN_PROVISIONING_TOKEN is unset; set a token to manage Callsign from "
                + (peer == null ? "another host" : peer.getHostAddress())));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.empty();
        }
        String value = authorization.substring(7).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    // Digests first, so that the comparison takes the same time whatever the lengths and contents.
    private static boolean sameSecret(String presented, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
