package io.callsign.provisioning;

import io.callsign.http.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /v1/explain?tn=&trunk=&sourceIp=&authUser=&registered=&fromAor=}: asks the attestation policy what
 * it would decide for these call facts, and returns its answer (decision and steps) as JSON. The
 * policy is injected; this route only checks the query.
 */
final class ExplainHandler implements HttpHandler {

    private static final List<String> PARAMETERS = List.of("tn", "trunk", "sourceIp", "authUser", "registered", "fromAor");

    private final Function<ExplainQuery, Object> policy;

    ExplainHandler(Function<ExplainQuery, Object> policy) {
        this.policy = policy;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Exchanges.json(exchange, 200, policy.apply(query(exchange)), Optional.empty());
    }

    static ExplainQuery query(HttpServerExchange exchange) {
        for (String name : exchange.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw Problem.badRequest("unknown query parameter '" + name + "'; use " + String.join(", ", PARAMETERS));
            }
        }
        String tn = Check.tn("tn", Exchanges.query(exchange, "tn").orElse(null));
        Optional<String> trunk = Exchanges.query(exchange, "trunk").map(t -> Check.key("trunk", t));
        Optional<String> sourceIp = Exchanges.query(exchange, "sourceIp").map(ExplainHandler::ip);
        Optional<String> authUser = Exchanges.query(exchange, "authUser").map(u -> Check.sipUser("authUser", u));
        String registered = Exchanges.query(exchange, "registered").orElse("false");
        if (!registered.equals("true") && !registered.equals("false")) {
            throw Problem.badRequest("query 'registered': '" + registered + "' is not true or false");
        }
        Optional<String> fromAor = Exchanges.query(exchange, "fromAor").map(a -> Check.sipUser("fromAor", a));
        return new ExplainQuery(tn, trunk, sourceIp, authUser, Boolean.parseBoolean(registered), fromAor);
    }

    private static String ip(String text) {
        try {
            return Cidr.address(text).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("query 'sourceIp': '" + text + "' " + e.getMessage());
        }
    }
}
