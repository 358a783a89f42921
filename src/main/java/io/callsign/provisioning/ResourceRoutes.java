package io.callsign.provisioning;

import io.callsign.http.Problem;
import io.callsign.http.Routes;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PUT, GET, DELETE and list for one {@link Resource}, the same way for every kind: PUT answers 201
 * when it created and 200 when it replaced, every answer carries the ETag, If-Match and
 * If-None-Match are checked under the row lock, and each change is audited in its transaction.
 */
final class ResourceRoutes<I, R extends Resource.Versioned> {

    private static final int INSERT_ATTEMPTS = 3;

    private final Resource<I, R> resource;
    private final Transactions transactions;

    ResourceRoutes(Resource<I, R> resource, Transactions transactions) {
        this.resource = resource;
        this.transactions = transactions;
    }

    /** Mounts {@code collection} (list) and {@code collection/{param}} (one row). */
    void mount(Routes routes, String collection, String param, java.util.function.UnaryOperator<HttpHandler> guard) {
        String item = collection + "/{" + param + "}";
        routes.get(collection, guard.apply(this::list));
        routes.get(item, guard.apply(exchange -> get(exchange, key(exchange, param))));
        routes.put(item, guard.apply(exchange -> put(exchange, key(exchange, param))));
        routes.delete(item, guard.apply(exchange -> delete(exchange, key(exchange, param))));
    }

    private String key(HttpServerExchange exchange, String param) {
        return resource.key(Exchanges.pathParameter(exchange, param));
    }

    private void get(HttpServerExchange exchange, String key) {
        R found = transactions.run(c -> resource.find(c, key, false))
                .orElseThrow(() -> Problem.notFound(what(key) + " does not exist"));
        if (Exchanges.preconditions(exchange).notModified(found.etag())) {
            Exchanges.json(exchange, 304, null, Optional.of(found.etag()));
            return;
        }
        Exchanges.json(exchange, 200, found, Optional.of(found.etag()));
    }

    private void put(HttpServerExchange exchange, String key) throws IOException {
        I input = resource.input(Exchanges.body(exchange), key);
        Preconditions preconditions = Exchanges.preconditions(exchange);
        String actor = Exchanges.actor(exchange);
        Written<R> written = transactions.run(c -> write(c, key, input, preconditions, actor));
        if (written.created()) {
            exchange.getResponseHeaders().put(Headers.LOCATION, exchange.getRequestPath());
        }
        Exchanges.json(exchange, written.created() ? 201 : 200, written.value(), Optional.of(written.value().etag()));
    }

    private Written<R> write(Connection c, String key, I input, Preconditions preconditions, String actor)
            throws SQLException {
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            Optional<R> current = resource.find(c, key, true);
            preconditions.require(what(key), version(current));
            if (current.isPresent()) {
                if (resource.unchanged(current.get(), input)) {
                    return new Written<>(current.get(), false);
                }
                R updated = resource.update(c, key, input);
                Audit.write(c, actor, "update", resource.entity(), key, current.get(), updated);
                return new Written<>(updated, false);
            }
            Optional<R> created = resource.insert(c, key, input);
            if (created.isPresent()) {
                Audit.write(c, actor, "create", resource.entity(), key, null, created.get());
                return new Written<>(created.get(), true);
            }
            // Someone created the same key since our lookup: lock their row and treat it as a replace.
        }
        throw new Problem(409, "Conflict", what(key) + " is being changed concurrently; retry");
    }

    private void delete(HttpServerExchange exchange, String key) {
        Preconditions preconditions = Exchanges.preconditions(exchange);
        String actor = Exchanges.actor(exchange);
        transactions.run(c -> {
            Optional<R> current = resource.find(c, key, true);
            preconditions.require(what(key), version(current));
            R before = current.orElseThrow(() -> Problem.notFound(what(key) + " does not exist"));
            resource.delete(c, key);
            Audit.write(c, actor, "delete", resource.entity(), key, before, null);
            return null;
        });
        Exchanges.json(exchange, 204, null, Optional.empty());
    }

    private void list(HttpServerExchange exchange) {
        ListQuery query = ListQuery.parse(exchange.getQueryParameters(), resource.filters());
        List<R> rows = new ArrayList<>(transactions.run(c -> resource.list(c, query)));
        String next = null;
        if (rows.size() > query.limit()) {
            rows.subList(query.limit(), rows.size()).clear();
            next = resource.keyOf(rows.get(rows.size() - 1));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", rows);
        page.put("next", next);
        Exchanges.json(exchange, 200, page, Optional.empty());
    }

    private String what(String key) {
        return resource.entity() + " '" + key + "'";
    }

    private static Optional<String> version(Optional<? extends Resource.Versioned> row) {
        return row.map(Resource.Versioned::etag);
    }

    private record Written<R>(R value, boolean created) {
    }
}
