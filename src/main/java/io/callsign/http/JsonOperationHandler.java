package io.callsign.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Function;

/**
 * A JSON-in, JSON-out operation. Most answer from memory: the I/O thread that read the body
 * ({@link BoundedBody}: 413 above the limit) tries {@code withoutWaiting} first and answers itself
 * when it can; only when that declines (a blocking operation, or a verification whose x5u is not
 * cached yet) does the request go to a worker thread for {@code mayWait}. A hand-off costs two thread
 * switches and a selector wake-up, several times the work of a warm answer on a small machine.
 * Failures of any kind go through {@link ProblemHandler#send}.
 */
final class JsonOperationHandler<Q> implements HttpHandler {

    private final Class<Q> requestType;
    private final Function<Q, Optional<Object>> withoutWaiting;
    private final Function<Q, Object> mayWait;

    JsonOperationHandler(Class<Q> requestType, Function<Q, Optional<Object>> withoutWaiting,
                           Function<Q, Object> mayWait) {
        this.requestType = requestType;
        this.withoutWaiting = withoutWaiting;
        this.mayWait = mayWait;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        BoundedBody.read(exchange, (ex, body) -> {
            Q request;
            Optional<Object> answer;
            try {
                request = JsonBodies.read(body, requestType);
                answer = ex.isInIoThread() ? withoutWaiting.apply(request) : Optional.of(mayWait.apply(request));
            } catch (Exception e) {
                ProblemHandler.send(ex, e);
                return;
            }
            if (answer.isPresent()) {
                send(ex, answer.get());
            } else {
                ex.dispatch(() -> waitAndSend(ex, request));
            }
        });
    }

    private void waitAndSend(HttpServerExchange exchange, Q request) {
        Object answer;
        try {
            answer = mayWait.apply(request);
        } catch (Exception e) {
            ProblemHandler.send(exchange, e);
            return;
        }
        send(exchange, answer);
    }

    private static void send(HttpServerExchange exchange, Object answer) {
        try {
            byte[] json = JsonBodies.MAPPER.writeValueAsBytes(answer);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(ByteBuffer.wrap(json));
        } catch (Exception e) {
            ProblemHandler.send(exchange, e);
        }
    }
}
