package io.callsign.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /rpc on a real Undertow bound to 127.0.0.1, called with java.net.http. */
class RpcHttpHandlerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicReference<String> methodThread = new AtomicReference<>();
    private static Undertow undertow;
    private static URI rpc;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(JSON);
        dispatcher.register("test.echo", params -> {
            methodThread.set(Thread.currentThread().getName());
            return params;
        });
        undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(new RpcHttpHandler(dispatcher, 64 * 1024))
                .build();
        undertow.start();
        InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        rpc = URI.create("http://127.0.0.1:" + address.getPort() + "/rpc");
    }

    @AfterAll
    static void stop() {
        undertow.stop();
    }

    private static HttpResponse<String> post(String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(rpc).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestGetsItsResultOffTheIoThread() throws Exception {
        HttpResponse<String> response = post(TestRpcClient.request("test.echo", "{\"a\":1}", 1), "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body())).isEqualTo(
                JSON.readTree("{\"jsonrpc\":\"2.0\",\"result\":{\"a\":1},\"id\":1}"));
        assertThat(methodThread.get()).doesNotContain("I/O");
    }

    @Test
    void batchIsAnsweredWithAnArray() throws Exception {
        HttpResponse<String> response = post("[" + TestRpcClient.request("test.echo", "[1]", 1) + ","
                + TestRpcClient.request("nope", "[]", 2) + "]", "application/json; charset=utf-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body).hasSize(2);
        assertThat(body.get(1).at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void notificationGetsNoContent() throws Exception {
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":[]}", "application/json");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void parseErrorIsAJsonRpcError() throws Exception {
        HttpResponse<String> response = post("{not json", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/error/code").asInt()).isEqualTo(-32700);
    }

    @Test
    void getIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(rpc).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void otherMediaTypesAreRefused() throws Exception {
        HttpResponse<String> response = post("{}", "text/plain");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("text/plain", "application/json");
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String big = TestRpcClient.request("test.echo", "[\"" + "x".repeat(70_000) + "\"]", 1);
        HttpResponse<String> response = post(big, "application/json");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("65536");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = TestRpcClient.request("test.echo", "[\"" + "x".repeat(70_000) + "\"]", 1).getBytes();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(rpc)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
