package io.callsign.verification;

import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.claims;
import static io.callsign.verification.Fixture.date;
import static io.callsign.verification.Fixture.identity;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.CertificatesConfig;
import io.callsign.certificates.CredentialResolver;
import io.callsign.certificates.TestPki;
import io.callsign.certificates.TrustAnchors;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier with the real {@link CredentialResolver} fetching test chains over HTTPS from
 * 127.0.0.1: each credential failure class gives its code (VER-13, VER-14, CERT-04, CERT-13, VER-07),
 * and a warm cache answers many verifications with one fetch (X5U-04, X5U-08).
 */
class VerifyResolverIT {

    private static X5uServer server;
    private final List<CredentialResolver> resolvers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new X5uServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeResolvers() {
        resolvers.forEach(CredentialResolver::close);
    }

    private CredentialResolver resolver(int... extraPorts) {
        Set<Integer> ports = new java.util.HashSet<>(Set.of(server.port()));
        for (int port : extraPorts) {
            ports.add(port);
        }
        CertificatesConfig config = CertificatesConfig.defaults().toBuilder().x5uPorts(ports)
                .x5uAllow(List.of("127.0.0.1/32")).fetchTimeout(Duration.ofSeconds(5))
                .crlCheck(CertificatesConfig.CrlCheck.OFF).build();
        CredentialResolver resolver = CredentialResolver.create(config,
                TrustAnchors.of(List.of(Fixture.PKI.root().certificate())), List.of(server.tlsCa()), Fixture.clock());
        resolvers.add(resolver);
        return resolver;
    }

    private VerifyResponse verify(CredentialResolver resolver, String x5u, TestPki.Issued signer) {
        VerificationService service = Fixture.service(VerificationConfig.defaults(), resolver::resolve);
        return service.verify(Fixture.request(List.of(identity(claims(), x5u, signer.privateKey())), date(NOW)));
    }

    private static String code(VerifyResponse response) {
        return response.verstat() + " " + (response.results().isEmpty() ? null : response.results().get(0).code());
    }

    @Test
    void aValidChainServedOverHttpsPassesAndAWarmCacheFetchesOnce() {
        String x5u = server.serve("/good.pem", Fixture.PKI.chainPem(Fixture.LEAF));
        CredentialResolver resolver = resolver();
        VerificationService service = Fixture.service(VerificationConfig.defaults().withReplay(VerificationConfig.Replay.OFF),
                resolver::resolve);
        VerifyRequest request = Fixture.request(List.of(identity(claims(), x5u, Fixture.LEAF.privateKey())), date(NOW));

        for (int i = 0; i < 500; i++) {
            VerifyResponse response = service.verify(request);
            assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        }

        assertThat(server.hits("/good.pem")).isEqualTo(1);
        assertThat(resolver.stats().fetches()).isEqualTo(1);
        assertThat(resolver.stats().cacheHits()).isEqualTo(499);
    }

    @Test
    void aColdX5uIsLeftToTheWaitingPathAndAWarmOneIsVerifiedWithoutWaiting() {
        String x5u = server.serve("/inline.pem", Fixture.PKI.chainPem(Fixture.LEAF));
        CredentialResolver resolver = resolver();
        VerificationService service = Fixture.service(VerificationConfig.defaults(), CredentialSource.of(resolver));
        VerifyRequest request = Fixture.request(List.of(identity(claims(), x5u, Fixture.LEAF.privateKey())), date(NOW));

        Optional<VerifyResponse> cold = service.verifyWithoutWaiting(request);
        assertThat(server.hits("/inline.pem")).isZero();
        VerifyResponse fetched = service.verify(request);
        Optional<VerifyResponse> warm = service.verifyWithoutWaiting(request);

        assertThat(cold).isEmpty();
        assertThat(fetched.verstat()).as(fetched.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(warm).hasValueSatisfying(r -> {
            assertThat(r.verstat()).as(r.detail()).isEqualTo("TN-Validation-Passed");
            assertThat(r.replay()).isFalse();
        });
        assertThat(server.hits("/inline.pem")).isEqualTo(1);
    }

    @Test
    void x5u08ManyConcurrentColdVerificationsCauseOneFetch() throws Exception {
        String x5u = server.serve("/concurrent.pem", Fixture.PKI.chainPem(Fixture.LEAF));
        CredentialResolver resolver = resolver();
        VerificationService service = Fixture.service(VerificationConfig.defaults(), resolver::resolve);
        String header = identity(claims(), x5u, Fixture.LEAF.privateKey());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<VerifyResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String callId = "call-" + i;
                answers.add(pool.submit(() -> service.verify(new VerifyRequest(List.of(header), Fixture.FROM, null,
                        Fixture.TO, null, date(NOW), callId))));
            }
            for (Future<VerifyResponse> answer : answers) {
                assertThat(answer.get().verstat()).isEqualTo("TN-Validation-Passed");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits("/concurrent.pem")).isEqualTo(1);
    }

    @Test
    void ver13_a404Is436() {
        assertThat(code(verify(resolver(), server.url("/missing.pem"), Fixture.LEAF))).isEqualTo("TN-Validation-Failed 436");
    }

    @Test
    void ver13_anUnreachableServerIs436() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPort = socket.getLocalPort();
        }
        String x5u = "https://127.0.0.1:" + closedPort + "/cert.pem";

        VerifyResponse response = verify(resolver(closedPort), x5u, Fixture.LEAF);

        assertThat(code(response)).isEqualTo("TN-Validation-Failed 436");
        assertThat(response.detail()).contains("cannot connect");
    }

    @Test
    void ver14_aChainFromAnUntrustedRootIs437() {
        TestPki rogue = TestPki.create();
        TestPki.Issued leaf = rogue.leaf();
        String x5u = server.serve("/rogue.pem", rogue.chainPem(leaf));

        assertThat(code(verify(resolver(), x5u, leaf))).isEqualTo("TN-Validation-Failed 437");
    }

    @Test
    void ver07_anExpiredLeafIs437() {
        TestPki.Issued expired = Fixture.PKI.leaf(Fixture.PKI.leafSpec()
                .withValidity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))));
        String x5u = server.serve("/expired.pem", Fixture.PKI.chainPem(expired));

        assertThat(code(verify(resolver(), x5u, expired))).isEqualTo("TN-Validation-Failed 437");
    }

    @Test
    void ver07_aLeafNotYetValidAtTheCallTimeIs437() {
        Instant later = NOW.plus(Duration.ofDays(1));
        TestPki.Issued future = Fixture.PKI.leaf(Fixture.PKI.leafSpec().withValidity(later, later.plus(Duration.ofDays(90))));
        String x5u = server.serve("/future.pem", Fixture.PKI.chainPem(future));

        assertThat(code(verify(resolver(), x5u, future))).isEqualTo("TN-Validation-Failed 437");
    }

    @Test
    void cert04_rsaAndP384LeavesAre437() {
        TestPki.Issued rsa = Fixture.PKI.leaf(Fixture.PKI.leafSpec().withKey(TestPki.KeyKind.RSA2048));
        TestPki.Issued p384 = Fixture.PKI.leaf(Fixture.PKI.leafSpec().withKey(TestPki.KeyKind.P384));
        String rsaUrl = server.serve("/rsa.pem", Fixture.PKI.chainPem(rsa));
        String p384Url = server.serve("/p384.pem", Fixture.PKI.chainPem(p384));
        CredentialResolver resolver = resolver();

        assertThat(code(verify(resolver, rsaUrl, Fixture.LEAF))).isEqualTo("TN-Validation-Failed 437");
        VerifyResponse curve = verify(resolver, p384Url, Fixture.LEAF);
        assertThat(code(curve)).isEqualTo("TN-Validation-Failed 437");
        assertThat(curve.detail()).contains("P-256");
    }

    @Test
    void cert13_aLeafWithoutTnAuthListIs437() {
        TestPki.Issued bare = Fixture.PKI.leaf(Fixture.PKI.leafSpec().withoutTnAuthList());
        String x5u = server.serve("/bare.pem", Fixture.PKI.chainPem(bare));

        VerifyResponse response = verify(resolver(), x5u, bare);

        assertThat(code(response)).isEqualTo("TN-Validation-Failed 437");
        assertThat(response.detail()).contains("TNAuthList");
    }
}
