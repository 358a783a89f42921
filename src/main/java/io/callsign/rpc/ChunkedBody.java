package io.callsign.rpc;

import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a chunked request body up to a limit. Undertow's own entity limit closes the connection
 * without a response; counting here lets the client get its 413. One instance per exchange.
 */
final class ChunkedBody {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkedBody.class);

    private final int limit;
    private final Receiver.FullBytesCallback complete;
    private final Consumer<HttpServerExchange> tooLarge;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
    private boolean refused;

    ChunkedBody(int limit, Receiver.FullBytesCallback complete, Consumer<HttpServerExchange> tooLarge) {
        this.limit = limit;
        this.complete = complete;
        this.tooLarge = tooLarge;
    }

    void receive(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receivePartialBytes(this::part, (ex, e) -> {
            LOG.debug("Reading a chunked POST /rpc body failed; the client probably went away", e);
            ex.endExchange();
        });
    }

    private void part(HttpServerExchange exchange, byte[] bytes, boolean last) {
        if (refused) {
            return;
        }
        if (body.size() + bytes.length > limit) {
            refused = true;
            exchange.getRequestReceiver().pause();
            tooLarge.accept(exchange);
            return;
        }
        body.write(bytes, 0, bytes.length);
        if (last) {
            complete.handle(exchange, body.toByteArray());
        }
    }
}
