package io.callsign.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callsign.TestService;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Speaks the call-path API of a {@link TestService} over HTTP ({@code POST /v1/sign}, {@code POST /rpc})
 * and provisions its database with plain SQL, as an operator would.
 */
final class SignClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TestService service;

    SignClient(TestService service) {
        this.service = service;
    }

    /** A JSON object from name/value pairs, in order; values are strings, booleans, numbers or lists. */
    static String json(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    HttpResponse<String> post(String body) {
        return service.postJson("/v1/sign", body);
    }

    /** POST /v1/sign expecting 200 application/json; the response object. */
    JsonNode sign(String body) {
        HttpResponse<String> response = post(body);
        assertThat(response.statusCode()).as("status of %s: %s", body, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return parse(response.body());
    }

    /** {@code stir.sign} over POST /rpc: the whole JSON-RPC response object. */
    JsonNode rpcSign(String params) {
        HttpResponse<String> response = service.postJson("/rpc",
                "{\"jsonrpc\":\"2.0\",\"method\":\"stir.sign\",\"params\":" + params + ",\"id\":7}");
        assertThat(response.statusCode()).as("JSON-RPC over HTTP is always 200: %s", response.body()).isEqualTo(200);
        return parse(response.body());
    }

    /** Signs {@code body} until {@code until} holds or {@code timeout} passes; the last response and how long it took. */
    Polled poll(String body, Predicate<JsonNode> until, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        JsonNode last = sign(body);
        while (!until.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            last = sign(body);
        }
        return new Polled(last, Duration.ofNanos(System.nanoTime() - start));
    }

    record Polled(JsonNode response, Duration elapsed) {
    }

    /** Runs SQL statements in one transaction on the service's database. */
    void sql(String... statements) {
        try (Connection c = service.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("provisioning SQL failed: " + e.getMessage(), e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The decoded PASSporT payload of a response's identity. */
    static JsonNode payload(JsonNode response) {
        return parse(IdentityParts.of(response.get("identity").asText()).payload());
    }
}
