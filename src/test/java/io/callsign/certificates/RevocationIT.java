package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CERT-16: the leaf's serial against the CRL of its distribution point, served over plain HTTP. */
class RevocationIT {

    private static LoopbackServer x5uServer;
    private static LoopbackServer crlServer;
    private static SSLSocketFactory tls;
    private static TestPki pki;
    private static TestPki.Issued revoked;

    private final MutableClock clock = new MutableClock(TestPki.NOW);
    private final List<CredentialResolver> resolvers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        x5uServer = LoopbackServer.https();
        crlServer = LoopbackServer.http();
        tls = HttpsTrust.context(List.of(x5uServer.tlsCa().certificate())).getSocketFactory();
        pki = TestPki.create(crlServer.url("crl.test", "/sti.crl"));
        revoked = pki.leaf(pki.leafSpec());
        crlServer.route("/sti.crl", LoopbackServer.respond(200, "application/pkix-crl", null,
                pki.crl(TestPki.NOW.minus(Duration.ofHours(1)), TestPki.NOW.plus(Duration.ofHours(6)),
                        revoked.certificate().getSerialNumber())));
    }

    @AfterAll
    static void stop() {
        x5uServer.close();
        crlServer.close();
    }

    @AfterEach
    void closeResolvers() {
        resolvers.forEach(CredentialResolver::close);
    }

    private CredentialResolver resolver(CertificatesConfig.CrlCheck mode, TestPki anchorsOf) {
        return resolver(mode, anchorsOf, Duration.ofSeconds(5));
    }

    private CredentialResolver resolver(CertificatesConfig.CrlCheck mode, TestPki anchorsOf, Duration timeout) {
        CertificatesConfig config = CertificatesConfig.defaults().toBuilder().x5uPorts(Set.of(x5uServer.port()))
                .x5uAllow(List.of("127.0.0.1/32")).fetchTimeout(timeout).crlCheck(mode).build();
        AddressGuard guard = AddressGuard.allowing(config.x5uAllow());
        CredentialResolver resolver = new CredentialResolver(config,
                TrustAnchors.of(List.of(anchorsOf.root().certificate())), clock,
                new X5uFetcher(X5uFetcher.Rules.x5u(config), guard, Loopback.resolver(), new Loopback.CountingConnector(), tls),
                new X5uFetcher(X5uFetcher.Rules.crl(config), guard, Loopback.resolver(), new Loopback.CountingConnector(), tls),
                false);
        resolvers.add(resolver);
        return resolver;
    }

    private static String serve(String path, TestPki from, TestPki.Issued leaf) {
        x5uServer.route(path, LoopbackServer.pem(from.chainPem(leaf)));
        return x5uServer.url("x5u.test", path);
    }

    @Test
    void cert16ARevokedLeafIsRejected() {
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.OPEN, pki);

        Resolution resolution = resolver.resolve(serve("/revoked.pem", pki, revoked));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.REVOKED);
            assertThat(f.kind().sipCode()).isEqualTo(437);
            assertThat(f.message()).contains(revoked.certificate().getSerialNumber().toString(16)).contains("CERT-16");
        });
    }

    @Test
    void cert16AListedSerialIsRejectedEvenWhenCachedAndTheCrlIsFetchedOnce() {
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.CLOSED, pki);
        int before = crlServer.hits("/sti.crl");
        String good = serve("/not-revoked.pem", pki, pki.leaf());
        String bad = serve("/revoked-2.pem", pki, revoked);

        for (int i = 0; i < 3; i++) {
            assertThat(resolver.resolve(good)).isInstanceOfSatisfying(Resolution.Trusted.class,
                    t -> assertThat(t.warnings()).isEmpty());
            assertThat(resolver.resolve(bad)).isInstanceOf(Resolution.Failed.class);
        }

        assertThat(crlServer.hits("/sti.crl") - before).isEqualTo(1);
    }

    @Test
    void cert16AnUnreachableCrlIsAWarningWhenFailOpen() throws Exception {
        TestPki unreachable = TestPki.create("http://crl.test:" + closedPort() + "/sti.crl");
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.OPEN, unreachable);

        Resolution resolution = resolver.resolve(serve("/crl-down-open.pem", unreachable, unreachable.leaf()));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Trusted.class, t -> assertThat(t.warnings())
                .singleElement().asString().contains("revocation status unknown").contains("CALLSIGN_CRL_CHECK=open"));
        assertThat(resolver.stats().crlFailures()).isEqualTo(1);
    }

    @Test
    void cert16AnUnreachableCrlIsRejectedWhenFailClosed() throws Exception {
        TestPki unreachable = TestPki.create("http://crl.test:" + closedPort() + "/sti.crl");
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.CLOSED, unreachable);

        Resolution resolution = resolver.resolve(serve("/crl-down-closed.pem", unreachable, unreachable.leaf()));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FailureKind.UNTRUSTED);
            assertThat(f.message()).contains("CALLSIGN_CRL_CHECK=closed");
        });
    }

    @Test
    void cert16ACrlSignedByAnotherKeyIsNotBelieved() throws Exception {
        try (LoopbackServer forged = LoopbackServer.http()) {
            TestPki honest = TestPki.create(forged.url("crl.test", "/forged.crl"));
            TestPki impostor = TestPki.create();
            // Same issuer name as the honest intermediate, different key: it must not clear anyone.
            forged.route("/forged.crl", LoopbackServer.respond(200, null, null,
                    impostor.crl(TestPki.NOW, TestPki.NOW.plus(Duration.ofHours(1)))));
            CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.CLOSED, honest);

            Resolution resolution = resolver.resolve(serve("/forged-crl.pem", honest, honest.leaf()));

            assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class,
                    f -> assertThat(f.message()).contains("not a valid CRL"));
        }
    }

    @Test
    void anOverdueCrlIsRefreshedInTheBackgroundWhileCallsGoOn() throws Exception {
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.OPEN, pki);
        String url = serve("/crl-refresh.pem", pki, pki.leaf());
        assertThat(resolver.resolve(url)).isInstanceOf(Resolution.Trusted.class);
        int before = crlServer.hits("/sti.crl");

        clock.advance(Duration.ofHours(7));
        Resolution during = resolver.resolve(url);

        assertThat(during).isInstanceOfSatisfying(Resolution.Trusted.class, t -> assertThat(t.warnings()).isEmpty());
        CredentialResolverIT.waitFor(() -> crlServer.hits("/sti.crl") == before + 1);
        assertThat(x5uServer.hits("/crl-refresh.pem")).as("the credential itself is still fresh").isEqualTo(1);
    }

    @Test
    void offMeansNoCrlFetch() {
        CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.OFF, pki);

        assertThat(resolver.resolve(serve("/crl-off.pem", pki, revoked))).isInstanceOf(Resolution.Trusted.class);
        assertThat(resolver.stats().crlFetches()).isZero();
    }

    @Test
    void aSlowCrlNeverBlocksTheWarmPath() throws Exception {
        try (LoopbackServer slow = LoopbackServer.http()) {
            TestPki lagging = TestPki.create(slow.url("crl.test", "/slow.crl"));
            slow.route("/slow.crl", exchange -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CredentialResolver resolver = resolver(CertificatesConfig.CrlCheck.OPEN, lagging, Duration.ofMillis(1500));
            String url = serve("/slow-crl.pem", lagging, lagging.leaf());
            assertThat(resolver.resolve(url)).isInstanceOf(Resolution.Trusted.class);

            long start = System.nanoTime();
            Resolution warm = resolver.resolve(url);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(warm).isInstanceOfSatisfying(Resolution.Trusted.class, t ->
                    assertThat(t.warnings()).singleElement().asString().contains("not loaded yet"));
            assertThat(slow.hits("/slow.crl")).as("one CRL fetch in flight, not one per call").isEqualTo(1);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            return socket.getLocalPort();
        }
    }
}
