package io.callsign.certadmin;

import io.callsign.http.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.net.InetAddress;
import io.callsign.provisioning.Access;
import java.util.Optional;

/**
 * Who may call the certificate routes; the same rule as the provisioning API, decided before the
 * route runs. With {@code CALLSIGN_PROVISIONING_TOKEN} set, every client must send
 * {@code Authorization: Bearer <token>} (401 with {@code WWW-Authenticate: Bearer} otherwise);
 * without it only loopback clients are served (403 for others), so a fresh install is not open to
 * the network. The rule itself lives in {@link io.callsign.provisioning.Access}.
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
        // One rule for every operator route: the provisioning API's.
        if (Access.decide(token, authorization, peer) instanceof Access.Refused refused) {
            return Optional.of(new Problem(refused.status(), refused.status() == 401 ? "Unauthorized" : "Forbidden",
                    refused.detail()));
        }
        return Optional.empty();
    }
}
