package io.callsign.http;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;

/**
 * Reads a whole request body of at most {@link HttpServerExchange#getMaxEntitySize()} bytes without
 * blocking, and answers 413 problem+json when it is larger, whether or not it came with a
 * Content-Length. Undertow's own limit, when a chunked body crosses it, closes the connection with no
 * response at all; so a chunked body is counted here, under a looser Undertow limit kept as a backstop.
 */
final class BoundedBody {

    /** More than one read buffer: the counting below sees the crossing before Undertow's backstop does. */
    private static final long BACKSTOP_SLACK = 64 * 1024;

    private BoundedBody() {
    }

    static void read(HttpServerExchange exchange, Receiver.FullBytesCallback done) {
        long limit = exchange.getMaxEntitySize();
        long length = exchange.getRequestContentLength();
        if (length > limit) {
            refuse(exchange, limit);
        } else if (length >= 0) {
            exchange.getRequestReceiver().receiveFullBytes(done, ProblemHandler::send);
        } else {
            exchange.setMaxEntitySize(limit + BACKSTOP_SLACK);
            new Chunked(limit, done).receive(exchange);
        }
    }

    private static void refuse(HttpServerExchange exchange, long limit) {
        // The rest of the body stays unread: close the connection once the answer is out.
        exchange.setPersistent(false);
        ProblemHandler.send(exchange, new Problem(413, "Payload Too Large", "request body exceeds the limit of "
                + limit + " bytes for " + exchange.getRequestPath() + " (CALLSIGN_MAX_BODY_BYTES)"));
    }

    /** One chunked body being collected; single use. */
    private static final class Chunked {
        private final long limit;
        private final Receiver.FullBytesCallback done;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        private boolean refused;

        Chunked(long limit, Receiver.FullBytesCallback done) {
            this.limit = limit;
            this.done = done;
        }

        void receive(HttpServerExchange exchange) {
            exchange.getRequestReceiver().receivePartialBytes(this::part, ProblemHandler::send);
        }

        private void part(HttpServerExchange exchange, byte[] bytes, boolean last) {
            if (refused) {
                return;
            }
            if (body.size() + bytes.length > limit) {
                refused = true;
                exchange.getRequestReceiver().pause();
                refuse(exchange, limit);
                return;
            }
            body.write(bytes, 0, bytes.length);
            if (last) {
                done.handle(exchange, body.toByteArray());
            }
        }
    }
}
