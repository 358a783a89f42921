package io.callsign.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge of every route: turns a {@link Problem} (or any unexpected failure) into an RFC 9457
 * {@code application/problem+json} response. Unexpected failures are logged with their stack trace
 * here and answered with a generic 500, so no internals reach a client.
 */
public final class ProblemHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpHandler next;

    public ProblemHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            send(exchange, e);
        }
    }

    /** Answers {@code exchange} for {@code failure}; usable from asynchronous callbacks too. */
    public static void send(HttpServerExchange exchange, Throwable failure) {
        Problem problem = asProblem(exchange, failure);
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        ObjectNode body = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", exchange.getRequestPath());
        exchange.setStatusCode(problem.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        try {
            exchange.getResponseSender().send(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            exchange.endExchange();
        }
    }

    private static Problem asProblem(HttpServerExchange exchange, Throwable failure) {
        if (failure instanceof Problem problem) {
            return problem;
        }
        if (failure instanceof RequestTooBigException || failure.getCause() instanceof RequestTooBigException) {
            return new Problem(413, "Payload Too Large", "request body exceeds the limit of "
                    + exchange.getMaxEntitySize() + " bytes for " + exchange.getRequestPath());
        }
        LOG.error("unexpected failure on {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
        return new Problem(500, "Internal Server Error", "the request could not be processed; the error is in the service log");
    }
}
