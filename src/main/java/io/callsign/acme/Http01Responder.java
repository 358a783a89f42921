package io.callsign.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

/**
 * http-01 (RFC 8555 §8.3): answers {@code GET /.well-known/acme-challenge/{token}} with the key
 * authorization as {@code text/plain}, 404 for anything else. Mount it on port 80 of the domain
 * (the CA connects there). Non-blocking, so it runs on the IO thread. Thread-safe.
 */
public final class Http01Responder implements HttpHandler {

    /** The path prefix the CA requests. */
    public static final String PREFIX = "/.well-known/acme-challenge/";

    private final Map<String, String> keyAuthorizations = new ConcurrentHashMap<>();

    /** Serves {@code keyAuthorization} for {@code token} until {@link #remove(String)}. */
    public void put(String token, String keyAuthorization) {
        keyAuthorizations.put(token, keyAuthorization);
    }

    public void remove(String token) {
        keyAuthorizations.remove(token);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        boolean readable = Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod());
        String answer = readable && path.startsWith(PREFIX) ? keyAuthorizations.get(path.substring(PREFIX.length())) : null;
        if (answer == null) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            exchange.getResponseSender().send("no such ACME challenge\n");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        exchange.getResponseSender().send(answer);
    }
}
