package io.callsign.provisioning;

import io.callsign.http.Problem;
import io.callsign.http.ProblemHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * In front of every provisioning route: authenticates on the I/O thread (nothing is read or
 * written for a refused caller), then moves the request to a worker thread in blocking mode,
 * because every route talks to PostgreSQL. Failures on the worker are answered as problem+json here.
 */
final class Guard implements HttpHandler {

    static final AttachmentKey<String> ACTOR = AttachmentKey.create(String.class);

    /** Optional operator name a client (the CLI) adds to the authenticated actor in the audit log. */
    static final String OPERATOR_HEADER = "X-Callsign-Operator";
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final Optional<String> token;
    private final HttpHandler next;

    Guard(Optional<String> token, HttpHandler next) {
        this.token = token;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.getAttachment(ACTOR) == null) {
            authenticate(exchange);
        }
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        exchange.startBlocking();
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            ProblemHandler.send(exchange, e);
        }
    }

    private void authenticate(HttpServerExchange exchange) {
        Access access = Access.decide(token, exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION),
                exchange.getSourceAddress().getAddress());
        if (access instanceof Access.Refused refused) {
            if (refused.challenge()) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"callsign-provisioning\"");
            }
            throw new Problem(refused.status(), refused.status() == 401 ? "Unauthorized" : "Forbidden",
                    refused.detail());
        }
        exchange.putAttachment(ACTOR, ((Access.Granted) access).actor() + operator(exchange));
    }

    // The authenticated part comes first, so a client-chosen name can only add detail, never pose
    // as another kind of actor.
    private static String operator(HttpServerExchange exchange) {
        String name = exchange.getRequestHeaders().getFirst(OPERATOR_HEADER);
        return name != null && OPERATOR.matcher(name).matches() ? " (" + name + ")" : "";
    }
}
