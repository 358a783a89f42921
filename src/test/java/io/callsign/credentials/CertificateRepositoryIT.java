package io.callsign.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.config.HostPort;
import io.callsign.http.HttpServer;
import io.callsign.http.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cert.pem handler on a real Undertow: 503 before credentials, re-rendered on every install. */
class CertificateRepositoryIT {

    private final ActiveCredentials active = new ActiveCredentials();
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger lookups = new AtomicInteger();
    private final List<List<java.security.cert.X509Certificate>> elsewhere = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() {
        Routes routes = new Routes();
        CertificateRepositoryHandler repository = new CertificateRepositoryHandler(active);
        repository.lookUpUnknownFilesIn(() -> {
            lookups.incrementAndGet();
            return elsewhere;
        });
        repository.mount(routes);
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

    @Test
    void x5u09EveryInstalledChainStaysAtItsOwnImmutablePathAfterRotation() throws Exception {
        TestPki.Chain first = TestPki.shakenChain(Instant.now());
        TestPki.Chain second = TestPki.shakenChain(Instant.now());
        install(first);
        install(second);

        HttpResponse<String> old = get("/.well-known/stir/" + PublishedChains.fileName(first.certificates().get(0)));
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.body()).isEqualTo(PemFiles.certificatesPem(first.certificates()));
        assertThat(old.headers().firstValue("Cache-Control")).contains("max-age=86400, immutable");
        assertThat(old.headers().firstValue("Content-Type")).contains(CertificateRepositoryHandler.CONTENT_TYPE);
        assertThat(get("/.well-known/stir/" + PublishedChains.fileName(second.certificates().get(0))).body())
                .isEqualTo(PemFiles.certificatesPem(second.certificates()));
        assertThat(get().body()).isEqualTo(PemFiles.certificatesPem(second.certificates()));
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aChainAnotherInstancePublishedIsFoundAndServedButRandomNamesAreNot() throws Exception {
        install(TestPki.shakenChain(Instant.now()));
        TestPki.Chain renewedElsewhere = TestPki.shakenChain(Instant.now());
        elsewhere.add(renewedElsewhere.certificates());
        String path = "/.well-known/stir/" + PublishedChains.fileName(renewedElsewhere.certificates().get(0));

        HttpResponse<String> found = get(path);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).isEqualTo(PemFiles.certificatesPem(renewedElsewhere.certificates()));
        assertThat(get(path).statusCode()).isEqualTo(200);
        assertThat(get("/.well-known/stir/0123456789abcdef.pem").statusCode()).isEqualTo(404);
        assertThat(lookups).as("one database look-up per second at most").hasValue(1);
        HttpResponse<String> notAName = get("/.well-known/stir/other.pem");
        assertThat(notAName.statusCode()).isEqualTo(404);
        assertThat(notAName.body()).contains("the active chain is at /.well-known/stir/cert.pem");
    }

    private void install(TestPki.Chain chain) {
        active.install(new SigningCredentials(chain.leafKeys().getPrivate(), chain.certificates(),
                URI.create("https://h/.well-known/stir/cert.pem"), "acme"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + CertificateRepositoryHandler.PATH);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
