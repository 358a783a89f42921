package io.callsign.rpc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** JSON-RPC 2.0 envelope behaviour; the request texts follow the specification's §7 examples. */
class JsonRpcDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Difference(int value) {}

    private final JsonRpcDispatcher dispatcher = newDispatcher();

    private static JsonRpcDispatcher newDispatcher() {
        JsonRpcDispatcher d = new JsonRpcDispatcher(JSON);
        d.register("subtract", params -> params.isArray()
                ? params.get(0).asInt() - params.get(1).asInt()
                : params.get("minuend").asInt() - params.get("subtrahend").asInt());
        d.register("record", params -> new Difference(7));
        d.register("update", params -> null);
        d.register("get_data", params -> JSON.createArrayNode().add("hello").add(5));
        d.register("test.params", params -> params);
        d.register("stir.sign", params -> {
            throw RpcProblem.invalidParams("field 'from': not a SIP or tel URI");
        });
        d.register("broken", params -> {
            throw new IllegalStateException("secret internal state /var/lib/key.pem");
        });
        return d;
    }

    private JsonNode call(String request) throws Exception {
        JsonRpcDispatcher.Reply reply = dispatcher.dispatch(request.getBytes(UTF_8));
        assertThat(reply.hasBody()).as("a response is expected for %s", request).isTrue();
        return JSON.readTree(reply.body());
    }

    private JsonRpcDispatcher.Reply raw(String request) {
        return dispatcher.dispatch(request.getBytes(UTF_8));
    }

    @Test
    void positionalAndNamedParams() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":1}"))
                .isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":1}"));
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\","
                + "\"params\":{\"subtrahend\":23,\"minuend\":42},\"id\":\"abc\"}"))
                .isEqualTo(JSON.readTree("{\"jsonrpc\":\"2.0\",\"result\":19,\"id\":\"abc\"}"));
    }

    @Test
    void resultsAreSerialisedByJackson() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"record\",\"id\":2}").get("result"))
                .isEqualTo(JSON.readTree("{\"value\":7}"));
        JsonNode nullResult = call("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"id\":3}");
        assertThat(nullResult.has("result")).isTrue();
        assertThat(nullResult.get("result").isNull()).isTrue();
    }

    @Test
    void absentParamsArePassedAsJsonNull() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"test.params\",\"id\":1}").get("result").isNull())
                .isTrue();
    }

    @Test
    void nullIdIsARequestNotANotification() throws Exception {
        JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[2,1],\"id\":null}");
        assertThat(response.get("result").asInt()).isEqualTo(1);
        assertThat(response.get("id").isNull()).isTrue();
    }

    @Test
    void notificationsGetNoResponseEvenWhenTheyFail() {
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1,2,3]}").hasBody()).isFalse();
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"foobar\"}").hasBody()).isFalse();
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"broken\"}").hasBody()).isFalse();
        assertThat(raw("{\"jsonrpc\":\"2.0\",\"method\":\"stir.sign\",\"params\":{}}").hasBody()).isFalse();
    }

    @Test
    void methodNotFound() throws Exception {
        JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"foobar\",\"id\":\"1\"}");
        assertThat(response.at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(response.at("/error/message").asText()).contains("'foobar'");
        assertThat(response.get("id").asText()).isEqualTo("1");
    }

    @Test
    void invalidParamsKeepTheMethodsMessage() throws Exception {
        JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"stir.sign\",\"params\":{\"from\":\"x\"},\"id\":9}");
        assertThat(response.get("error")).isEqualTo(JSON.readTree(
                "{\"code\":-32602,\"message\":\"field 'from': not a SIP or tel URI\"}"));
        assertThat(response.get("id").asInt()).isEqualTo(9);
        assertThat(response.has("result")).isFalse();
    }

    @Test
    void unexpectedFailureIsInternalErrorWithoutDetails() throws Exception {
        JsonNode response = call("{\"jsonrpc\":\"2.0\",\"method\":\"broken\",\"id\":4}");
        assertThat(response.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(response.toString()).doesNotContain("secret", "IllegalState", "pem", "at io.");
        assertThat(response.get("id").asInt()).isEqualTo(4);
    }

    @Test
    void parseErrorIsMalformedWithNullId() throws Exception {
        JsonRpcDispatcher.Reply reply = raw("{\"jsonrpc\":\"2.0\",\"method\":\"foobar,\"params\":\"bar\",\"baz]");
        assertThat(reply.malformed()).isTrue();
        JsonNode response = JSON.readTree(reply.body());
        assertThat(response.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(response.get("id").isNull()).isTrue();
    }

    @Test
    void emptyInputTrailingGarbageAndDuplicateMembersAreParseErrors() throws Exception {
        for (String input : List.of("", "  ", "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"id\":1} x",
                "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"method\":\"broken\",\"id\":1}")) {
            JsonRpcDispatcher.Reply reply = raw(input);
            assertThat(reply.malformed()).as(input).isTrue();
            assertThat(JSON.readTree(reply.body()).at("/error/code").asInt()).as(input).isEqualTo(-32700);
        }
    }

    @Test
    void invalidRequestObjects() throws Exception {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}", "'method'", true);
        assertInvalid("{\"jsonrpc\":\"1.0\",\"method\":\"update\",\"id\":5}", "'jsonrpc'", false);
        assertInvalid("{\"method\":\"update\",\"id\":5}", "'jsonrpc'", false);
        assertInvalid("{\"jsonrpc\":2.0,\"method\":\"update\",\"id\":5}", "'jsonrpc'", false);
        assertInvalid("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":7,\"id\":5}", "'params'", false);
        assertInvalid("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"id\":{\"a\":1}}", "'id'", true);
        assertInvalid("{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"id\":[1]}", "'id'", true);
        assertInvalid("\"just a string\"", "object", true);
        assertInvalid("42", "object", true);
    }

    private void assertInvalid(String request, String mentions, boolean nullId) throws Exception {
        JsonRpcDispatcher.Reply reply = raw(request);
        assertThat(reply.malformed()).as(request).isFalse();
        JsonNode response = JSON.readTree(reply.body());
        assertThat(response.at("/error/code").asInt()).as(request).isEqualTo(-32600);
        assertThat(response.at("/error/message").asText()).as(request).contains(mentions);
        if (nullId) {
            assertThat(response.get("id").isNull()).as(request).isTrue();
        } else {
            assertThat(response.get("id").asInt()).as(request).isEqualTo(5);
        }
    }

    @Test
    void batchMixesResultsErrorsAndSkipsNotifications() throws Exception {
        JsonNode responses = call("[{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"1\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[7]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[42,23],\"id\":\"2\"},"
                + "{\"foo\":\"boo\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"foo.get\",\"params\":{\"name\":\"myself\"},\"id\":\"5\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"get_data\",\"id\":\"9\"}]");
        assertThat(responses.isArray()).isTrue();
        assertThat(responses).hasSize(5);
        assertThat(responses.get(0).get("result").asInt()).isEqualTo(19);
        assertThat(responses.get(1).get("id").asText()).isEqualTo("2");
        assertThat(responses.get(2).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(responses.get(2).get("id").isNull()).isTrue();
        assertThat(responses.get(3).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(responses.get(4).get("result")).isEqualTo(JSON.readTree("[\"hello\",5]"));
    }

    @Test
    void emptyBatchIsOneInvalidRequestObject() throws Exception {
        JsonNode response = call("[]");
        assertThat(response.isObject()).isTrue();
        assertThat(response.at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void batchOfNonObjectsGivesOneErrorEach() throws Exception {
        JsonNode responses = call("[1,2,3]");
        assertThat(responses).hasSize(3);
        responses.forEach(r -> assertThat(r.at("/error/code").asInt()).isEqualTo(-32600));
    }

    @Test
    void batchOfNotificationsOnlyGetsNothing() {
        JsonRpcDispatcher.Reply reply = raw("[{\"jsonrpc\":\"2.0\",\"method\":\"update\",\"params\":[1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"broken\"}]");
        assertThat(reply.hasBody()).isFalse();
        assertThat(reply.malformed()).isFalse();
    }

    @Test
    void invalidJsonBatchIsOneParseError() throws Exception {
        JsonRpcDispatcher.Reply reply = raw("[{\"jsonrpc\":\"2.0\",\"method\":\"sum\",\"params\":[1,2,4],\"id\":\"1\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\"]");
        assertThat(reply.malformed()).isTrue();
        assertThat(JSON.readTree(reply.body()).at("/error/code").asInt()).isEqualTo(-32700);
    }

    @Test
    void dispatchHonoursOffsetAndLength() throws Exception {
        byte[] framed = "12:xx{\"a\":1}yy".getBytes(UTF_8);
        String request = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[5,3],\"id\":1}";
        byte[] buffer = ("<<" + request + ">>").getBytes(UTF_8);
        JsonRpcDispatcher.Reply reply = dispatcher.dispatch(buffer, 2, request.length());
        assertThat(JSON.readTree(reply.body()).get("result").asInt()).isEqualTo(2);
        assertThat(dispatcher.dispatch(framed, 5, 7).malformed()).isFalse();
    }

    @Test
    void reservedAndDuplicateNamesAreRefused() {
        assertThatThrownBy(() -> dispatcher.register("rpc.discover", p -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rpc.discover");
        assertThatThrownBy(() -> dispatcher.register("", p -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dispatcher.register("subtract", p -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @Test
    void concurrentDispatchGivesEveryCallerItsOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    String req = "{\"jsonrpc\":\"2.0\",\"method\":\"subtract\",\"params\":[" + n + ",1],\"id\":" + n + "}";
                    JsonNode r = JSON.readTree(dispatcher.dispatch(req.getBytes(UTF_8)).body());
                    return r.get("id").asInt() == n && r.get("result").asInt() == n - 1;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
