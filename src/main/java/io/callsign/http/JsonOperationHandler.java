package io.callsign.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Function;

/**
 * Reads a bounded JSON body without blocking an I/O thread ({@link BoundedBody}: 413 above the limit),
 * runs the operation, and writes its result as JSON. Failures of any kind go through
 * {@link ProblemHandler#send}.
 */
final class JsonOperationHandler<Q> implements HttpHandler {

    private final Class<Q> requestType;
    private final Function<Q, Object> operation;
    private final boolean blocking;

    JsonOperationHandler(Class<Q> requestType, Function<Q, Object> operation, boolean blocking) {
        this.requestType = requestType;
        this.operation = operation;
        this.blocking = blocking;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        BoundedBody.read(exchange, (ex, body) -> {
            if (blocking && ex.isInIoThread()) {
                ex.dispatch(() -> respond(ex, body));
            } else {
                respond(ex, body);
            }
        });
    }

    private void respond(HttpServerExchange exchange, byte[] body) {
        try {
            Object result = operation.apply(JsonBodies.read(body, requestType));
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(JsonBodies.MAPPER.writeValueAsBytes(result)));
        } catch (Exception e) {
            ProblemHandler.send(exchange, e);
        }
    }
}
