package io.callsign.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TCP transports on 127.0.0.1 with fake methods. */
class RpcTcpServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowCallsStarted = new AtomicInteger();
    private RpcTcpServer server;

    private RpcTcpServer start(int maxConnections, int maxPipelined) throws IOException {
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(JSON);
        dispatcher.register("test.echo", params -> params);
        dispatcher.register("test.slow", params -> {
            slowCallsStarted.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow-done";
        });
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        RpcConfig config = new RpcConfig(List.of(
                new RpcListener(Framing.NETSTRING, new InetSocketAddress(loopback, 0)),
                new RpcListener(Framing.JSON, new InetSocketAddress(loopback, 0))),
                64 * 1024, 16, maxConnections, maxPipelined);
        server = RpcTcpServer.start(config, dispatcher);
        return server;
    }

    private int port(Framing framing) {
        return server.listeners().stream().filter(l -> l.framing() == framing)
                .findFirst().orElseThrow().address().getPort();
    }

    private TestRpcClient client(Framing framing) throws IOException {
        return new TestRpcClient(framing, port(framing));
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void twoHundredConnectionsWithPipelinedRequests(Framing framing) throws Exception {
        start(512, 64);
        int connections = 200;
        int perConnection = 25;
        List<TestRpcClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                clients.add(client(framing));
            }
            StringBuilder pipelined = new StringBuilder();
            for (int c = 0; c < connections; c++) {
                pipelined.setLength(0);
                for (int r = 0; r < perConnection; r++) {
                    String id = c + "-" + r;
                    byte[] framed = framing.encode(TestRpcClient.request(
                            "test.echo", "{\"conn\":" + c + ",\"n\":" + r + "}", id).getBytes());
                    pipelined.append(new String(framed));
                }
                clients.get(c).sendRaw(pipelined.toString());
            }
            for (int c = 0; c < connections; c++) {
                Set<String> ids = new HashSet<>();
                for (int r = 0; r < perConnection; r++) {
                    JsonNode response = JSON.readTree(clients.get(c).receive());
                    String id = response.get("id").asText();
                    assertThat(id).startsWith(c + "-");
                    assertThat(response.at("/result/conn").asInt()).isEqualTo(c);
                    assertThat(response.at("/result/n").asInt()).isEqualTo(Integer.parseInt(id.split("-")[1]));
                    ids.add(id);
                }
                assertThat(ids).hasSize(perConnection);
            }
            assertThat(server.openConnections()).isEqualTo(connections);
        } finally {
            for (TestRpcClient client : clients) {
                client.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void malformedFrameClosesOnlyItsOwnConnection(Framing framing) throws Exception {
        start(512, 64);
        List<TestRpcClient> healthy = new ArrayList<>();
        try (TestRpcClient bad = client(framing)) {
            for (int i = 0; i < 10; i++) {
                healthy.add(client(framing));
            }
            bad.sendRaw(framing == Framing.NETSTRING ? "12x:{}" : "{\"jsonrpc\" \"2.0\"}");
            JsonNode error = JSON.readTree(bad.receive());
            assertThat(error.at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(error.get("id").isNull()).isTrue();
            assertThat(bad.isClosedByServer()).isTrue();
            for (TestRpcClient client : healthy) {
                client.send(TestRpcClient.request("test.echo", "[1]", 7));
                assertThat(JSON.readTree(client.receive()).get("result")).isEqualTo(JSON.readTree("[1]"));
            }
        } finally {
            for (TestRpcClient client : healthy) {
                client.close();
            }
        }
    }

    @Test
    void nonJsonInsideAValidNetstringIsAParseErrorAndCloses() throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(Framing.NETSTRING)) {
            client.sendRaw("5:hello,");
            assertThat(JSON.readTree(client.receive()).at("/error/code").asInt()).isEqualTo(-32700);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void oversizeFrameIsAnInvalidRequestAndCloses(Framing framing) throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(framing)) {
            String huge = "{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":[\"" + "x".repeat(70_000) + "\"],\"id\":1}";
            client.send(huge);
            JsonNode error = JSON.readTree(client.receive());
            assertThat(error.at("/error/code").asInt()).isEqualTo(-32600);
            assertThat(error.at("/error/message").asText()).contains("65536");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void invalidRequestKeepsTheConnectionAndNotificationsGetNothing(Framing framing) throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(framing)) {
            client.send("{\"jsonrpc\":\"2.0\",\"method\":42,\"id\":1}");
            assertThat(JSON.readTree(client.receive()).at("/error/code").asInt()).isEqualTo(-32600);
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":[\"note\"]}");
            client.send(TestRpcClient.request("test.echo", "[\"after\"]", "x"));
            JsonNode response = JSON.readTree(client.receive());
            assertThat(response.get("id").asText()).isEqualTo("x");
            assertThat(response.at("/result/0").asText()).isEqualTo("after");
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void truncatedFrameAtEndOfStreamIsAnswered(Framing framing) throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(framing)) {
            client.sendRaw(framing == Framing.NETSTRING ? "40:{\"jsonrpc\"" : "{\"jsonrpc\":\"2.0\",");
            client.shutdownOutput();
            assertThat(JSON.readTree(client.receive()).at("/error/message").asText()).contains("inside a frame");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void plainJsonOneRequestPerConnectionLikeOpensips() throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(Framing.JSON)) {
            // OpenSIPS jsonrpc sends "id": null for notifications; that is a request and is answered.
            client.sendRaw("{\"id\":null,\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":{\"a\":1}}");
            JsonNode response = JSON.readTree(client.receive());
            assertThat(response.get("result")).isEqualTo(JSON.readTree("{\"a\":1}"));
            client.shutdownOutput();
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void fastResponsesOvertakeASlowOneAndCarryTheirIds() throws Exception {
        start(512, 64);
        try (TestRpcClient client = client(Framing.NETSTRING)) {
            client.send(TestRpcClient.request("test.slow", "[]", "slow"));
            client.send(TestRpcClient.request("test.echo", "[]", "fast"));
            assertThat(JSON.readTree(client.receive()).get("id").asText()).isEqualTo("fast");
            release.countDown();
            assertThat(JSON.readTree(client.receive()).get("id").asText()).isEqualTo("slow");
        }
    }

    @Test
    void readingPausesAtThePipelineLimit() throws Exception {
        start(512, 2);
        try (TestRpcClient client = client(Framing.NETSTRING)) {
            for (int i = 0; i < 5; i++) {
                client.send(TestRpcClient.request("test.slow", "[]", i));
            }
            Thread.sleep(300);
            assertThat(slowCallsStarted.get()).isEqualTo(2);
            release.countDown();
            Set<Integer> ids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                ids.add(JSON.readTree(client.receive()).get("id").asInt());
            }
            assertThat(ids).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void connectionsOverTheLimitAreClosedAtOnce() throws Exception {
        start(2, 64);
        try (TestRpcClient first = client(Framing.NETSTRING); TestRpcClient second = client(Framing.NETSTRING)) {
            first.send(TestRpcClient.request("test.echo", "[]", 1));
            first.receive();
            second.send(TestRpcClient.request("test.echo", "[]", 2));
            second.receive();
            try (TestRpcClient third = client(Framing.NETSTRING)) {
                assertThat(third.isClosedByServer()).isTrue();
            }
        }
    }

    @Test
    void gracefulStopAnswersRequestsInProgressThenRefusesConnections() throws Exception {
        start(512, 64);
        int port = port(Framing.NETSTRING);
        try (TestRpcClient client = client(Framing.NETSTRING)) {
            client.send(TestRpcClient.request("test.slow", "[]", "in-progress"));
            while (slowCallsStarted.get() == 0) {
                Thread.sleep(5);
            }
            Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(10)));
            stopper.start();
            Thread.sleep(200);
            release.countDown();
            assertThat(JSON.readTree(client.receive()).get("result").asText()).isEqualTo("slow-done");
            assertThat(client.isClosedByServer()).isTrue();
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port).close())
                .isInstanceOf(IOException.class);
    }
}
