package io.callsign.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /rpc}: one JSON-RPC message (request or batch) per HTTP request. The body is read
 * without blocking on the IO thread, then the methods run on Undertow's worker pool, because
 * {@code stir.verify} may wait for a certificate fetch. Every JSON-RPC outcome, errors included,
 * is {@code 200 application/json}; a message of notifications only is {@code 204}. HTTP-level
 * refusals (wrong method, media type, body over the limit) are {@code application/problem+json}.
 *
 * <p>Thread-safe and stateless; mount one instance.
 */
public final class RpcHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RpcHttpHandler.class);

    private final JsonRpcDispatcher dispatcher;
    private final int maxBodyBytes;

    /** @param maxBodyBytes largest body accepted ({@link RpcConfig#maxRequestBytes()}) */
    public RpcHttpHandler(JsonRpcDispatcher dispatcher, int maxBodyBytes) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            problem(exchange, StatusCodes.METHOD_NOT_ALLOWED, "JSON-RPC over HTTP takes POST with the request as the body");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type != null && !isJson(type)) {
            problem(exchange, StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is '" + type + "'; send application/json");
            return;
        }
        // The server-wide limit (CALLSIGN_MAX_BODY_BYTES) would close the connection without a response
        // when a chunked body crosses it; this handler counts against its own limit, so loosen that one.
        exchange.setMaxEntitySize(maxBodyBytes + 64L * 1024);
        long length = exchange.getRequestContentLength();
        if (length > maxBodyBytes) {
            tooLarge(exchange);
        } else if (length >= 0) {
            exchange.getRequestReceiver().receiveFullBytes(this::received, this::failed);
        } else {
            // Chunked: the length is only known while reading, so count as the parts arrive.
            new ChunkedBody(maxBodyBytes, this::received, this::tooLarge).receive(exchange);
        }
    }

    private void received(HttpServerExchange exchange, byte[] body) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> respond(exchange, body));
        } else {
            respond(exchange, body);
        }
    }

    private void respond(HttpServerExchange exchange, byte[] body) {
        JsonRpcDispatcher.Reply reply = dispatcher.dispatch(body);
        if (!reply.hasBody()) {
            exchange.setStatusCode(StatusCodes.NO_CONTENT);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(reply.body()));
    }

    private void failed(HttpServerExchange exchange, IOException e) {
        LOG.debug("Reading a POST /rpc body failed; the client probably went away", e);
        exchange.endExchange();
    }

    private void tooLarge(HttpServerExchange exchange) {
        problem(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE,
                "request body is larger than the limit of " + maxBodyBytes + " bytes; send smaller requests");
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.equals("application/json-rpc")
                || media.equals("application/jsonrequest");
    }

    private static void problem(HttpServerExchange exchange, int status, String detail) {
        // RFC 9457 problem details; the same shape as the rest of the HTTP API.
        String json = "{\"type\":\"about:blank\",\"title\":\"" + StatusCodes.getReason(status)
                + "\",\"status\":" + status + ",\"detail\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(detail)) + "\"}";
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        if (!exchange.isRequestComplete()) {
            // The unread body is not worth draining: close the connection after the response.
            exchange.setPersistent(false);
        }
        exchange.getResponseSender().send(json, UTF_8);
    }
}
