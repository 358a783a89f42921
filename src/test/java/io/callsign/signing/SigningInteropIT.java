package io.callsign.signing;

import static io.callsign.signing.SignClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of Identity header Callsign signs is accepted by verifiers that share no code with it:
 * secsipidx (the Go library Kamailio's secsipid module uses), from the command line with the published
 * leaf and over its HTTP API fetching the x5u itself; and a verifier written with JDK classes only.
 */
class SigningInteropIT {

    @TempDir
    static Path work;
    private static TestService service;
    private static List<String> identities;
    private static List<X509Certificate> published;
    private static Path leafPem;
    private static Path rootPem;

    @BeforeAll
    static void signEveryKind() throws Exception {
        assertThat(Secsipidx.BINARY).as("secsipidx must be on PATH (Debian package secsipidx; .ci/run installs it)").isNotNull();
        service = TestService.start(Map.of("CALLSIGN_TLS_LISTEN", "127.0.0.1:0"));
        SignClient client = new SignClient(service);
        client.sql("INSERT INTO subscribers (id, name, verified) VALUES ('acct-42', 'Acme', true)",
                "INSERT INTO subscriber_users (sip_user, subscriber_id) VALUES ('alice@ims.local', 'acct-42')",
                "INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-42', true),"
                        + " ('15145559877', 'acct-42', false)");
        String a = json("from", "tel:+15145559876", "to", "tel:+15145551234", "authUser", "alice@ims.local");
        assertThat(client.poll(a, r -> "A".equals(r.path("attest").asText()), Duration.ofSeconds(10)).response()
                .path("attest").asText()).isEqualTo("A");
        identities = new ArrayList<>();
        for (String body : List.of(a,
                json("from", "tel:+15145559877", "to", "tel:+15145551234", "authUser", "alice@ims.local"),
                json("from", "sip:+15145559876@ims.local;user=phone", "to", "sip:+15145551234@ims.local"),
                json("from", "tel:+15145559876", "dest", List.of("15145551234", "15145550000", "14385550001")),
                json("from", "tel:+15145559876", "to", "tel:+15145551234", "origid", "123e4567-e89b-12d3-a456-426655440000",
                        "date", SipDate.format(Instant.now().minusSeconds(30))))) {
            identities.add(client.sign(body).path("identity").asText());
        }
        assertThat(identities).extracting(i -> SignClient.parse(IdentityParts.of(i).payload()).path("attest").asText())
                .contains("A", "B", "C");
        published = publishedChain(service.get("/.well-known/stir/cert.pem").body());
        leafPem = Files.writeString(work.resolve("leaf.pem"), pem(published.get(0)));
        rootPem = Files.writeString(work.resolve("root.pem"), pem(published.get(published.size() - 1)));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void secsipidxChecksEveryHeaderWithThePublishedLeafChainedToTheLabRoot() throws Exception {
        for (int i = 0; i < identities.size(); i++) {
            Path file = Files.writeString(work.resolve("identity-" + i + ".txt"), identities.get(i));
            // -cert-verify 5 = validity time (1) + chain to the CA file (4).
            Process check = Secsipidx.run("-check", "-fidentity", file.toString(), "-fpubkey", leafPem.toString(),
                    "-ca-file", rootPem.toString(), "-cert-verify", "5", "-expire", "300");
            assertThat(Secsipidx.output(check)).as("secsipidx on %s", identities.get(i)).contains("ok").doesNotContain("not-ok");
            assertThat(check.exitValue()).isZero();
        }
    }

    @Test
    void secsipidxRejectsATamperedHeaderSoItsApprovalMeansSomething() throws Exception {
        String identity = identities.get(0);
        int sig = identity.lastIndexOf('.', identity.indexOf(';')) + 1;
        char c = identity.charAt(sig + 5);
        String tampered = identity.substring(0, sig + 5) + (c == 'A' ? 'B' : 'A') + identity.substring(sig + 6);
        Path file = Files.writeString(work.resolve("tampered.txt"), tampered);

        Process check = Secsipidx.run("-check", "-fidentity", file.toString(), "-fpubkey", leafPem.toString(), "-expire", "300");

        assertThat(Secsipidx.output(check)).contains("not-ok");
        assertThat(check.exitValue()).isNotZero();
    }

    @Test
    void secsipidxServerFetchesTheX5uOverHttpsAndAcceptsEveryHeader() throws Exception {
        try (Secsipidx.Server server = Secsipidx.Server.start(rootPem, work)) {
            for (String identity : identities) {
                assertThat(server.check(identity)).as("secsipidx /v1/check of %s", identity).isEqualTo("OK");
            }
        }
    }

    @Test
    void aJdkOnlyVerifierAcceptsEveryHeaderAgainstTheChainFetchedFromItsX5u() throws Exception {
        X509Certificate root = published.get(published.size() - 1);
        for (String identity : identities) {
            String token = identity.substring(0, identity.indexOf(';'));
            String[] segments = token.split("\\.");
            String header = new String(Base64.getUrlDecoder().decode(segments[0]), StandardCharsets.UTF_8);
            String payload = new String(Base64.getUrlDecoder().decode(segments[1]), StandardCharsets.UTF_8);
            String x5u = header.substring(header.indexOf("\"x5u\":\"") + 7, header.length() - 2);
            // SIGN-04/10: the exact header; SIGN-05/06/07/08/10: the exact claim order and shapes.
            assertThat(header).isEqualTo("{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":\"" + x5u + "\"}");
            assertThat(payload).matches("\\{\"attest\":\"[ABC]\",\"dest\":\\{\"tn\":\\[\"\\d{1,15}\"(,\"\\d{1,15}\")*]},"
                    + "\"iat\":\\d{10},\"orig\":\\{\"tn\":\"\\d{1,15}\"},\"origid\":\"[0-9a-f-]{36}\"}");
            assertThat(identity).endsWith(";info=<" + x5u + ">;alg=ES256;ppt=shaken");
            X509Certificate leaf = fetchLeaf(URI.create(x5u), root);
            leaf.checkValidity();
            leaf.verify(root.getPublicKey());
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            es256.initVerify(leaf.getPublicKey());
            es256.update((segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(es256.verify(Base64.getUrlDecoder().decode(segments[2]))).as("signature of %s", identity).isTrue();
        }
    }

    /** GET x5u over HTTPS, trusting only the lab root; the first certificate of the chain. */
    private static X509Certificate fetchLeaf(URI x5u, X509Certificate root) throws Exception {
        assertThat(x5u.getScheme()).isEqualTo("https");
        assertThat(x5u.getHost()).isEqualTo("127.0.0.1");
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("lab-root", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(x5u).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return publishedChain(response.body()).get(0);
    }

    private static List<X509Certificate> publishedChain(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .stream().map(X509Certificate.class::cast).toList();
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
