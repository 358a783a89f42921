package io.callsign.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.config.HostPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM behaviour: requests in flight finish, new ones are refused with 503, then the server stops. */
class GracefulShutdownIT {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void finishesInFlightRequestsAndRefusesNewOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Routes routes = new Routes()
                .get("/slow", exchange -> exchange.dispatch(() -> {
                    started.countDown();
                    sleep(1_500);
                    exchange.getResponseSender().send("done");
                }))
                .get("/fast", exchange -> exchange.getResponseSender().send("fast"));
        HttpServer server = HttpServer.start(new HostPort("127.0.0.1", 0), List.of(), routes, 4096);
        URI base = URI.create("http://127.0.0.1:" + server.port());

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(base.resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.shutdown(Duration.ofSeconds(10)));
        sleep(200);
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(base.resolve("/fast")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(503);
        HttpResponse<String> finished = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("done");
        stopping.get(15, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
