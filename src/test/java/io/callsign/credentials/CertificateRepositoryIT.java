package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.config.HostPort;
import io.callsign.http.HttpServer;
import io.callsign.http.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cert.pem handler on a real Undertow: 503 before credentials, re-rendered on every install. */
class CertificateRepositoryIT {

    private final ActiveCredentials active = new ActiveCredentials();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;

    @BeforeEach
    void start() {
        Routes routes = new Routes();
        new CertificateRepositoryHandler(active).mount(routes);
        server = HttpServer.start(new HostPort("127.0.0.1", 0), List.of(), routes, 65_536);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answers503ProblemBeforeAnyCredentialsAreInstalled() throws Exception {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("no signing credentials are installed yet");
    }

    @Test
    void acme19PublishesEachInstalledChainAndNeverAKey() throws Exception {
        TestPki.Chain first = TestPki.shakenChain(TestPki.NOW);
        active.install(new SigningCredentials(first.leafKeys().getPrivate(), first.certificates(),
                URI.create("https://h/c.pem"), "lab"));
        String firstBody = get().body();
        assertThat(firstBody).isEqualTo(PemFiles.certificatesPem(first.certificates())).doesNotContain("PRIVATE KEY");

        TestPki.Chain second = TestPki.shakenChain(TestPki.NOW);
        active.install(new SigningCredentials(second.leafKeys().getPrivate(), List.of(second.certificates().get(0)),
                URI.create("https://h/c.pem"), "acme"));
        HttpResponse<String> rotated = get();
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(rotated.body()).isEqualTo(PemFiles.certificatesPem(List.of(second.certificates().get(0))));
        assertThat(rotated.headers().firstValue("Cache-Control")).contains("max-age=86400");
    }

    private HttpResponse<String> get() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + CertificateRepositoryHandler.PATH);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
