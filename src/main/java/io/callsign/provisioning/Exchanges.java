package io.callsign.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Deque;
import java.util.Optional;

/**
 * Request and response plumbing of the provisioning routes, which run on worker threads in blocking
 * mode (see {@link Guard}): bounded JSON bodies that refuse unknown fields (a misspelt
 * {@code "verifed"} must not silently mean false), JSON answers with an ETag, path and query values.
 */
final class Exchanges {

    /** Largest JSON body of a provisioning PUT; a subscriber with thousands of users still fits. */
    static final long MAX_JSON_BYTES = 1024 * 1024;

    private Exchanges() {
    }

    /** The whole (bounded) request body; call on a worker thread in blocking mode. */
    static byte[] body(HttpServerExchange exchange) throws IOException {
        exchange.setMaxEntitySize(MAX_JSON_BYTES);
        return exchange.getInputStream().readAllBytes();
    }

    /** Decodes JSON, refusing unknown fields, with messages that name the field. */
    static <T> T decode(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw Problem.badRequest("empty request body; send a JSON object");
        }
        try {
            return JsonBodies.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw Problem.badRequest(JsonBodies.describe(e));
        }
    }

    static void json(HttpServerExchange exchange, int status, Object body, Optional<String> etag) {
        exchange.setStatusCode(status);
        etag.ifPresent(tag -> exchange.getResponseHeaders().put(Headers.ETAG, tag));
        if (body == null) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        try {
            exchange.getResponseSender().send(ByteBuffer.wrap(JsonBodies.MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A {name} of the route's path template (not the query string, which could carry the same name). */
    static String pathParameter(HttpServerExchange exchange, String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("route without {" + name + "}");
        }
        return value;
    }

    static Optional<String> query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    static Preconditions preconditions(HttpServerExchange exchange) {
        return new Preconditions(header(exchange, Headers.IF_MATCH), header(exchange, Headers.IF_NONE_MATCH));
    }

    // A list-valued header may arrive as several fields (RFC 9110 §5.3); they combine with commas.
    private static Optional<String> header(HttpServerExchange exchange, HttpString name) {
        HeaderValues values = exchange.getRequestHeaders().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    static String actor(HttpServerExchange exchange) {
        return exchange.getAttachment(Guard.ACTOR);
    }
}
