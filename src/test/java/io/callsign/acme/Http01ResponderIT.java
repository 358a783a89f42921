package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.undertow.Undertow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http-01 responder on a real Undertow, and pebble validating through it (no always-valid). */
class Http01ResponderIT {

    @TempDir
    Path dir;

    private final Http01Responder responder = new Http01Responder();
    private Undertow server;
    private int port;

    @BeforeEach
    void start() {
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(responder).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void servesTheKeyAuthorizationAsPlainTextWhileTheTokenIsSet() throws Exception {
        responder.put("tok-123", "tok-123.thumbprint");
        HttpResponse<String> found = get("/.well-known/acme-challenge/tok-123");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(found.body()).isEqualTo("tok-123.thumbprint");

        responder.remove("tok-123");
        assertThat(get("/.well-known/acme-challenge/tok-123").statusCode()).isEqualTo(404);
        assertThat(get("/.well-known/acme-challenge/other").statusCode()).isEqualTo(404);
        assertThat(get("/somewhere/tok-123").statusCode()).isEqualTo(404);
    }

    @Test
    void pebbleValidatesHttp01ThroughTheResponder() throws Exception {
        // pebble's VA really connects to localhost:<httpPort> here: no PEBBLE_VA_ALWAYS_VALID
        try (PebbleServer pebble = PebbleServer.start(dir, Map.of("PEBBLE_VA_ALWAYS_VALID", "0"),
                Map.of("httpPort", port))) {
            AcmeConfig config = AcmeConfig.of(pebble.directory(), "localhost").withTrustedCa(pebble.caFile())
                    .withTimeout(Duration.ofSeconds(30));
            IssuedCertificate issued = new AcmeEnrolment(config, new AcmeStore(Files.createDirectories(dir.resolve("acme"))),
                    responder, Clock.systemUTC()).issue(null);
            assertThat(issued.leaf().getSubjectAlternativeNames()).anyMatch(name -> "localhost".equals(name.get(1)));
            assertThat(pebble.log()).doesNotContain("VA always returns valid");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
