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
        } else if (length == 0) {
            exchange.getRequestReceiver().receiveFullBytes(done, ProblemHandler::send);
        } else if (length > 0) {
            // Not receiveFullBytes: Undertow 2.3 copies a body that is already buffered one byte at a
            // time into a synchronized stream, which on a 1 KiB verify request costs more than the JSON
            // parsing. The parts come as bulk copies; a body in one part is handed on as it is.
            new Collector(limit, done).receive(exchange);
        } else {
            exchange.setMaxEntitySize(limit + BACKSTOP_SLACK);
            new Collector(limit, done).receive(exchange);
        }
    }

    private static void refuse(HttpServerExchange exchange, long limit) {
        // The rest of the body stays unread: close the connection once the answer is out.
        exchange.setPersistent(false);
        ProblemHandler.send(exchange, new Problem(413, "Payload Too Large", "request body exceeds the limit of "
                + limit + " bytes for " + exchange.getRequestPath() + " (CALLSIGN_MAX_BODY_BYTES)"));
    }

    /** One body being collected part by part (chunked, or a Content-Length within the limit); single use. */
    private static final class Collector {
        private final long limit;
        private final Receiver.FullBytesCallback done;
        private ByteArrayOutputStream body; // only when the body comes in more than one part
        private boolean refused;

        Collector(long limit, Receiver.FullBytesCallback done) {
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
            int received = body == null ? 0 : body.size();
            if (received + bytes.length > limit) {
                refused = true;
                exchange.getRequestReceiver().pause();
                refuse(exchange, limit);
                return;
            }
            if (last && body == null) {
                done.handle(exchange, bytes);
                return;
            }
            if (body == null) {
                body = new ByteArrayOutputStream(Math.max(1024, bytes.length * 2));
            }
            body.write(bytes, 0, bytes.length);
            if (last) {
                done.handle(exchange, body.toByteArray());
            }
        }
    }
}
