package io.callsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.credentials.SigningCredentials;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lab mode end to end: generated credentials published at cert.pem over HTTP and HTTPS (X5U-09, ACME-19). */
class CredentialsIT {

    private static final String CERT_PEM = "/.well-known/stir/cert.pem";

    @TempDir
    static Path dataDir;
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of(
                "CALLSIGN_TLS_LISTEN", "127.0.0.1:0",
                "CALLSIGN_DATA_DIR", dataDir.toString(),
                "CALLSIGN_LAB_SPC", "1001"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theLabX5uNamesTheHttpsPortActuallyBound() {
        int tlsPort = service.service().tlsPort().orElseThrow();
        assertThat(tlsPort).isPositive().isNotEqualTo(service.service().httpPort());
        assertThat(active().x5u()).hasToString("https://127.0.0.1:" + tlsPort + CERT_PEM);
        assertThat(active().source()).isEqualTo("lab");
    }

    @Test
    void x5u09ServesTheChainLeafFirstOverPlainHttp() throws Exception {
        assertPublishedChain(service.get(CERT_PEM));
    }

    @Test
    void x5u09ServesTheChainOverHttpsToAClientTrustingOnlyTheLabRoot() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting(service.service().labTrust().orElseThrow().root()))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // Hostname verification stays on: the lab TLS certificate names 127.0.0.1.
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(active().x5u()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertPublishedChain(response);
    }

    @Test
    void theHttpsListenerPresentsALabCertificateThatPublicTrustRejects() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(active().x5u()).GET().build(),
                HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void answersHeadWithTheSameHeadersAndNoBody() {
        HttpResponse<String> head = service.send(HttpRequest.newBuilder(service.uri(CERT_PEM))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> get = service.get(CERT_PEM);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).contains("application/pem-certificate-chain");
        assertThat(head.headers().firstValue("Content-Length"))
                .contains(String.valueOf(get.body().getBytes(StandardCharsets.US_ASCII).length));
    }

    @Test
    void readinessShowsTheCredentialsUp() {
        HttpResponse<String> ready = service.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"credentials\":{\"status\":\"UP\",\"detail\":\"CN=SHAKEN 1001,O=Callsign Lab,C=US (lab), notAfter ");
    }

    private static void assertPublishedChain(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pem-certificate-chain");
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=86400");
        assertThat(response.body()).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY");
        List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).toList();
        assertThat(chain).containsExactlyElementsOf(active().chain());
        assertThat(chain.get(0).getSubjectX500Principal().getName()).startsWith("CN=SHAKEN 1001,");
        assertThat(chain.get(1)).isEqualTo(service.service().labTrust().orElseThrow().root());
    }

    private static SigningCredentials active() {
        return service.service().credentials().current().orElseThrow();
    }

    private static SSLContext trusting(Certificate root) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("lab-root", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
