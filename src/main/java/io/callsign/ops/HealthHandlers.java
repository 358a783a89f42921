package io.callsign.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.http.JsonBodies;
import io.callsign.http.Routes;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (every registered component is
 * ready; 503 with the failing ones otherwise) and {@code /metrics}.
 */
public final class HealthHandlers {

    private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
    private final Metrics metrics;

    public HealthHandlers(Metrics metrics) {
        this.metrics = metrics;
    }

    public HealthHandlers register(String component, ReadinessCheck check) {
        checks.put(component, check);
        return this;
    }

    public void mount(Routes routes) {
        routes.get("/health/live", exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send("{\"status\":\"UP\"}");
        });
        routes.get("/health/ready", exchange -> {
            if (exchange.isInIoThread()) {
                exchange.dispatch(() -> ready(exchange));
                return;
            }
            ready(exchange);
        });
        routes.get("/metrics", exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseSender().send(metrics.render(), StandardCharsets.UTF_8);
        });
    }

    private void ready(io.undertow.server.HttpServerExchange exchange) {
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        ObjectNode components = body.putObject("components");
        boolean allReady = true;
        for (Map.Entry<String, ReadinessCheck> entry : checks.entrySet()) {
            ReadinessCheck.Status status = safely(entry.getValue());
            allReady &= status.ready();
            components.putObject(entry.getKey())
                    .put("status", status.ready() ? "UP" : "DOWN")
                    .put("detail", status.detail());
        }
        body.put("status", allReady ? "UP" : "DOWN");
        exchange.setStatusCode(allReady ? 200 : 503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString(), StandardCharsets.UTF_8);
    }

    private static ReadinessCheck.Status safely(ReadinessCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return ReadinessCheck.Status.failing("check failed: " + e.getMessage());
        }
    }
}
