package io.callsign.http;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Methods;
import java.util.Optional;
import java.util.function.Function;

/**
 * The route table that features add to before the server starts. Unknown paths and methods get
 * problem+json 404/405 rather than Undertow's plain pages. Not thread-safe while being built.
 */
public final class Routes {

    private final RoutingHandler routing = Handlers.routing()
            .setFallbackHandler(exchange -> {
                throw Problem.notFound("no resource at " + exchange.getRequestPath());
            })
            .setInvalidMethodHandler(exchange -> {
                throw new Problem(405, "Method Not Allowed",
                        exchange.getRequestMethod() + " is not supported on " + exchange.getRequestPath());
            });

    public Routes get(String path, HttpHandler handler) {
        routing.get(path, handler);
        return this;
    }

    public Routes post(String path, HttpHandler handler) {
        routing.post(path, handler);
        return this;
    }

    public Routes put(String path, HttpHandler handler) {
        routing.put(path, handler);
        return this;
    }

    public Routes delete(String path, HttpHandler handler) {
        routing.delete(path, handler);
        return this;
    }

    public Routes head(String path, HttpHandler handler) {
        routing.add(Methods.HEAD, path, handler);
        return this;
    }

    /**
     * A JSON-in, JSON-out POST operation. {@code blocking} operations (those that may wait on I/O,
     * such as a certificate fetch) run on a worker thread; the others run where the body arrived.
     */
    public <Q> Routes postJson(String path, Class<Q> requestType, Function<Q, Object> operation, boolean blocking) {
        Function<Q, Optional<Object>> onIoThread = blocking ? request -> Optional.empty()
                : request -> Optional.of(operation.apply(request));
        return post(path, new JsonOperationHandler<>(requestType, onIoThread, operation));
    }

    /**
     * A JSON-in, JSON-out POST operation that usually answers from memory: the I/O thread tries
     * {@code withoutWaiting} (which must never block) and answers when it gives a result; when it gives
     * none, {@code mayWait} runs on a worker thread with the same request.
     */
    public <Q> Routes postJsonInlineFirst(String path, Class<Q> requestType,
                                          Function<Q, Optional<Object>> withoutWaiting, Function<Q, Object> mayWait) {
        return post(path, new JsonOperationHandler<>(requestType, withoutWaiting, mayWait));
    }

    HttpHandler handler() {
        return routing;
    }
}
