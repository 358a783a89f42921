package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver end to end against an HTTPS server on 127.0.0.1: cache lifetime (X5U-04, SEC-12),
 * coalescing (X5U-08), negative caching, anchor reload and the credential checks by outcome.
 * Each test uses its own paths, so the shared server's hit counters belong to one test.
 */
class CredentialResolverIT {

    private static final TestPki PKI = TestPki.create();
    private static LoopbackServer server;
    private static SSLSocketFactory tls;

    private final MutableClock clock = new MutableClock(TestPki.NOW);
    private final Loopback.CountingConnector connector = new Loopback.CountingConnector();
    private final List<CredentialResolver> resolvers = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackServer.https();
        tls = HttpsTrust.context(List.of(server.tlsCa().certificate())).getSocketFactory();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeResolvers() {
        resolvers.forEach(CredentialResolver::close);
    }

    private CertificatesConfig.Builder config() {
        return CertificatesConfig.defaults().toBuilder().x5uPorts(Set.of(server.port()))
                .x5uAllow(List.of("127.0.0.1/32")).fetchTimeout(Duration.ofSeconds(5))
                .crlCheck(CertificatesConfig.CrlCheck.OFF).staleGrace(Duration.ZERO);
    }

    private CredentialResolver resolver(CertificatesConfig config, TrustAnchors anchors) {
        AddressGuard guard = AddressGuard.allowing(config.x5uAllow());
        CredentialResolver resolver = new CredentialResolver(config, anchors, clock,
                new X5uFetcher(X5uFetcher.Rules.x5u(config), guard, Loopback.resolver(), connector, tls),
                new X5uFetcher(X5uFetcher.Rules.crl(config), guard, Loopback.resolver(), connector, tls), false);
        resolvers.add(resolver);
        return resolver;
    }

    private CredentialResolver resolver(CertificatesConfig config) {
        return resolver(config, TrustAnchors.of(List.of(PKI.root().certificate())));
    }

    private static String serve(String path, HttpHandler handler) {
        server.route(path, handler);
        return server.url("x5u.test", path);
    }

    private static HttpHandler pem(String pem, String cacheControl) {
        return LoopbackServer.respond(200, "application/pem-certificate-chain", cacheControl,
                pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static Credential trusted(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Trusted.class);
        return ((Resolution.Trusted) resolution).credential();
    }

    private static Resolution.Failed failed(Resolution resolution, FailureKind kind) {
        assertThat(resolution).isInstanceOfSatisfying(Resolution.Failed.class, f -> assertThat(f.kind()).isEqualTo(kind));
        return (Resolution.Failed) resolution;
    }

    @Test
    void resolvesAValidChainAndAnswersLaterCallsFromTheCacheWithoutIo() {
        String url = serve("/good.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())));
        CredentialResolver resolver = resolver(config().build());

        Credential credential = trusted(resolver.resolve(url));
        for (int i = 0; i < 1000; i++) {
            assertThat(trusted(resolver.resolve(url))).isSameAs(credential);
        }

        assertThat(credential.spc()).isEqualTo(TestPki.SPC);
        assertThat(credential.publicKey()).isEqualTo(PKI.leaf().keyPair().getPublic());
        assertThat(server.hits("/good.pem")).isEqualTo(1);
        assertThat(connector.attempts).hasSize(1);
        assertThat(resolver.stats().cacheHits()).isEqualTo(1000);
        assertThat(resolver.stats().fetches()).isEqualTo(1);
    }

    @Test
    void x5u08TwoHundredConcurrentCallersForANewUrlCauseOneFetch() throws Exception {
        String url = serve("/coalesced.pem", exchange -> {
            sleep(Duration.ofMillis(300));
            LoopbackServer.pem(PKI.chainPem(PKI.leaf())).handle(exchange);
        });
        CredentialResolver resolver = resolver(config().build());
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger trustedCount = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Thread caller = new Thread(() -> {
                await(go);
                if (resolver.resolve(url) instanceof Resolution.Trusted) {
                    trustedCount.incrementAndGet();
                }
            });
            caller.start();
            callers.add(caller);
        }

        go.countDown();
        for (Thread caller : callers) {
            caller.join(20_000);
        }

        assertThat(trustedCount).hasValue(200);
        assertThat(server.hits("/coalesced.pem")).isEqualTo(1);
        assertThat(resolver.stats().fetches()).isEqualTo(1);
        assertThat(resolver.stats().coalescedWaits() + resolver.stats().cacheHits()).isEqualTo(199);
    }

    @Test
    void x5u04WithoutCachingHeadersTheEntryLives24Hours() {
        String url = serve("/no-header.pem", pem(PKI.chainPem(PKI.leaf()), null));
        CredentialResolver resolver = resolver(config().build());
        trusted(resolver.resolve(url));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        trusted(resolver.resolve(url));
        assertThat(server.hits("/no-header.pem")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        trusted(resolver.resolve(url));
        assertThat(server.hits("/no-header.pem")).isEqualTo(2);
    }

    @Test
    void x5u04MaxAgeBelow24HoursIsRaisedTo24Hours() {
        String url = serve("/max-age-60.pem", pem(PKI.chainPem(PKI.leaf()), "max-age=60"));
        CredentialResolver resolver = resolver(config().build());
        trusted(resolver.resolve(url));

        clock.advance(Duration.ofHours(23));
        trusted(resolver.resolve(url));

        assertThat(server.hits("/max-age-60.pem")).isEqualTo(1);
    }

    @Test
    void x5u04MaxAgeOf48HoursKeepsTheEntry48Hours() {
        String url = serve("/max-age-48h.pem", pem(PKI.chainPem(PKI.leaf()), "public, max-age=172800"));
        CredentialResolver resolver = resolver(config().build());
        trusted(resolver.resolve(url));

        clock.advance(Duration.ofHours(47));
        trusted(resolver.resolve(url));
        assertThat(server.hits("/max-age-48h.pem")).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        trusted(resolver.resolve(url));
        assertThat(server.hits("/max-age-48h.pem")).isEqualTo(2);
    }

    @Test
    void sec12AnEntryIsNeverUsedPastTheLeafNotAfter() {
        TestPki.Issued shortLived = PKI.leaf(PKI.leafSpec().withValidity(TestPki.NOW.minus(Duration.ofDays(1)),
                TestPki.NOW.plus(Duration.ofHours(2))));
        String url = serve("/short-lived.pem", pem(PKI.chainPem(shortLived), "max-age=604800"));
        CredentialResolver resolver = resolver(config().staleGrace(Duration.ofHours(1)).build());
        trusted(resolver.resolve(url));

        clock.advance(Duration.ofHours(3));
        Resolution.Failed expired = failed(resolver.resolve(url), FailureKind.OUTSIDE_VALIDITY);

        assertThat(expired.message()).contains("expired");
        assertThat(server.hits("/short-lived.pem")).as("refetched, not served from cache").isEqualTo(2);
    }

    @Test
    void resolveWithoutWaitingAnswersFromMemoryOnlyAndNeverFetches() {
        String url = serve("/inline.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())));
        CredentialResolver resolver = resolver(config().build());

        assertThat(resolver.resolveWithoutWaiting(url, clock.instant())).isEmpty();
        assertThat(server.hits("/inline.pem")).isZero();
        assertThat(resolver.stats().fetches()).isZero();
        assertThat(resolver.stats().cacheMisses()).isZero();

        Credential credential = trusted(resolver.resolve(url));
        Optional<Resolution> warm = resolver.resolveWithoutWaiting(url, clock.instant());

        assertThat(warm).hasValueSatisfying(r -> assertThat(trusted(r)).isSameAs(credential));
        assertThat(server.hits("/inline.pem")).isEqualTo(1);
        assertThat(resolver.stats().cacheHits()).isEqualTo(1);
        assertThat(resolver.stats().cacheMisses()).isEqualTo(1);
    }

    @Test
    void resolveWithoutWaitingGivesARememberedFailureAndLeavesAnchorChangesToResolve() {
        String down = serve("/inline-down.pem", LoopbackServer.respond(503, null, null, new byte[0]));
        Path file = PKI.writeRoot(dir.resolve("inline-anchors.pem"));
        TrustAnchors anchors = TrustAnchors.load(Optional.of(file));
        String good = serve("/inline-reload.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())));
        CredentialResolver resolver = resolver(config().negativeTtl(Duration.ofSeconds(30)).build(), anchors);
        failed(resolver.resolve(down), FailureKind.FETCH_FAILED);
        trusted(resolver.resolve(good));

        Optional<Resolution> remembered = resolver.resolveWithoutWaiting(down, clock.instant());
        TestPki.create().writeRoot(file);
        anchors.reload();

        assertThat(remembered).hasValueSatisfying(r -> failed(r, FailureKind.FETCH_FAILED));
        assertThat(resolver.stats().failures(FailureKind.FETCH_FAILED)).isEqualTo(2);
        // Re-validating against new anchors is CPU work for a worker thread, not for the inline path.
        assertThat(resolver.resolveWithoutWaiting(good, clock.instant())).isEmpty();
        assertThat(resolver.stats().revalidations()).isZero();
        failed(resolver.resolve(good), FailureKind.UNTRUSTED);
        assertThat(server.hits("/inline-down.pem") + server.hits("/inline-reload.pem")).isEqualTo(2);
    }

    @Test
    void failuresAreRememberedBriefly() {
        String url = serve("/down.pem", LoopbackServer.respond(503, null, null, new byte[0]));
        CredentialResolver resolver = resolver(config().negativeTtl(Duration.ofSeconds(30)).build());

        failed(resolver.resolve(url), FailureKind.FETCH_FAILED);
        clock.advance(Duration.ofSeconds(29));
        failed(resolver.resolve(url), FailureKind.FETCH_FAILED);
        assertThat(server.hits("/down.pem")).isEqualTo(1);
        assertThat(resolver.stats().negativeHits()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        failed(resolver.resolve(url), FailureKind.FETCH_FAILED);
        assertThat(server.hits("/down.pem")).isEqualTo(2);
        assertThat(resolver.stats().failures(FailureKind.FETCH_FAILED)).isEqualTo(3);
    }

    @Test
    void sec12AFailedRefreshDoesNotPoisonAGoodEntry() throws Exception {
        String url = serve("/flaky.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())));
        CredentialResolver resolver = resolver(config().staleGrace(Duration.ofHours(1)).build());
        Credential credential = trusted(resolver.resolve(url));
        server.route("/flaky.pem", LoopbackServer.respond(503, null, null, new byte[0]));

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertThat(trusted(resolver.resolve(url))).as("stale, while refreshing").isSameAs(credential);
        waitFor(() -> server.hits("/flaky.pem") == 2 && resolver.stats().fetches() == 2);
        Thread.sleep(100);

        assertThat(trusted(resolver.resolve(url))).as("the failure did not replace it").isSameAs(credential);
        clock.advance(Duration.ofSeconds(10));
        trusted(resolver.resolve(url));
        Thread.sleep(100);
        assertThat(server.hits("/flaky.pem")).as("no new refresh within the negative TTL").isEqualTo(2);
        assertThat(resolver.stats().staleHits()).isEqualTo(3);
    }

    @Test
    void aCallerWaitsAtMostTheFetchTimeout() {
        String url = serve("/never.pem", exchange -> sleep(Duration.ofSeconds(10)));
        CredentialResolver resolver = resolver(config().fetchTimeout(Duration.ofMillis(500)).build());
        long start = System.nanoTime();

        failed(resolver.resolve(url), FailureKind.FETCH_FAILED);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500 + 250 + 2500));
    }

    @Test
    void eachFailureClassMapsToItsKindAndSipCode() {
        TestPki other = TestPki.create();
        CredentialResolver resolver = resolver(config().build());
        record Case(String path, HttpHandler handler, FailureKind kind) { }
        List<Case> cases = List.of(
                new Case("/c404.pem", LoopbackServer.respond(404, null, null, new byte[0]), FailureKind.FETCH_FAILED),
                new Case("/c503.pem", LoopbackServer.respond(503, null, null, new byte[0]), FailureKind.FETCH_FAILED),
                new Case("/c302.pem", LoopbackServer.respond(302, null, null, null), FailureKind.FETCH_FAILED),
                new Case("/c204.pem", LoopbackServer.respond(204, null, null, null), FailureKind.FETCH_FAILED),
                new Case("/html.pem", LoopbackServer.respond(200, "text/html", null,
                        "<html>oops</html>".getBytes(StandardCharsets.US_ASCII)), FailureKind.FETCH_FAILED),
                new Case("/der.pem", LoopbackServer.respond(200, "application/pkix-cert", null,
                        der(PKI.leaf())), FailureKind.FETCH_FAILED),
                new Case("/untrusted.pem", LoopbackServer.pem(other.chainPem(other.leaf())), FailureKind.UNTRUSTED),
                new Case("/no-intermediate.pem", LoopbackServer.pem(TestPki.pem(PKI.leaf().certificate())),
                        FailureKind.UNTRUSTED),
                new Case("/root-in-body.pem", LoopbackServer.pem(TestPki.pem(other.leaf().certificate(),
                        other.intermediate().certificate(), other.root().certificate())), FailureKind.UNTRUSTED),
                new Case("/expired.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf(PKI.leafSpec().withValidity(
                        TestPki.NOW.minus(Duration.ofDays(400)), TestPki.NOW.minus(Duration.ofDays(35)))))),
                        FailureKind.OUTSIDE_VALIDITY),
                new Case("/future.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf(PKI.leafSpec().withValidity(
                        TestPki.NOW.plus(Duration.ofDays(10)), TestPki.NOW.plus(Duration.ofDays(100)))))),
                        FailureKind.OUTSIDE_VALIDITY),
                new Case("/rsa.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf(PKI.leafSpec()
                        .withKey(TestPki.KeyKind.RSA2048)))), FailureKind.UNSUPPORTED),
                new Case("/p384.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf(PKI.leafSpec()
                        .withKey(TestPki.KeyKind.P384)))), FailureKind.UNSUPPORTED),
                new Case("/no-tnauthlist.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf(PKI.leafSpec()
                        .withoutTnAuthList()))), FailureKind.UNSUPPORTED));

        for (Case c : cases) {
            Resolution.Failed failure = failed(resolver.resolve(serve(c.path(), c.handler())), c.kind());
            assertThat(failure.message()).as(c.path()).contains("x5u " + server.url("x5u.test", c.path()));
            assertThat(failure.kind().sipCode()).isEqualTo(c.kind() == FailureKind.FETCH_FAILED ? 436 : 437);
        }
    }

    @Test
    void ver07ANotYetValidChainBecomesUsableAtItsNotBeforeWithoutRefetch() {
        TestPki.Issued future = PKI.leaf(PKI.leafSpec().withValidity(TestPki.NOW.plus(Duration.ofHours(1)),
                TestPki.NOW.plus(Duration.ofDays(100))));
        String url = serve("/soon.pem", LoopbackServer.pem(PKI.chainPem(future)));
        CredentialResolver resolver = resolver(config().build());

        failed(resolver.resolve(url), FailureKind.OUTSIDE_VALIDITY);
        trusted(resolver.resolve(url, TestPki.NOW.plus(Duration.ofHours(2))));

        assertThat(server.hits("/soon.pem")).isEqualTo(1);
    }

    @Test
    void x5u05APemChainServedAsTextPlainIsAcceptedWithAWarning() {
        String url = serve("/text-plain.pem", LoopbackServer.respond(200, "text/plain", null,
                PKI.chainPem(PKI.leaf()).getBytes(StandardCharsets.US_ASCII)));

        Resolution resolution = resolver(config().build()).resolve(url);

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Trusted.class, t ->
                assertThat(t.warnings()).singleElement().asString().contains("text/plain").contains("X5U-05"));
    }

    @Test
    void cert17ReplacingTheAnchorsFileUntrustsACachedChainWithoutRefetch() {
        Path file = PKI.writeRoot(dir.resolve("anchors.pem"));
        TrustAnchors anchors = TrustAnchors.load(Optional.of(file));
        String url = serve("/reload.pem", LoopbackServer.pem(PKI.chainPem(PKI.leaf())));
        CredentialResolver resolver = resolver(config().build(), anchors);
        trusted(resolver.resolve(url));

        TestPki.create().writeRoot(file);
        anchors.reload();

        failed(resolver.resolve(url), FailureKind.UNTRUSTED);
        assertThat(server.hits("/reload.pem")).isEqualTo(1);
        assertThat(resolver.stats().revalidations()).isEqualTo(1);
    }

    @Test
    void x5u01RefusedUrlsAreAnsweredWithoutFetchOrCacheEntry() {
        CredentialResolver resolver = resolver(config().build());

        failed(resolver.resolve("http://x5u.test/c.pem"), FailureKind.FETCH_FAILED);
        failed(resolver.resolve(server.url("x5u.test", "/c.pem?x=" + "a".repeat(3000))), FailureKind.FETCH_FAILED);
        failed(resolver.resolve(null), FailureKind.FETCH_FAILED);

        assertThat(resolver.cachedEntries()).isZero();
        assertThat(resolver.stats().fetches()).isZero();
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void sec12TheCacheIsBounded() {
        CredentialResolver resolver = resolver(config().cacheMaxEntries(2).build());
        for (String path : List.of("/lru-1.pem", "/lru-2.pem", "/lru-3.pem")) {
            trusted(resolver.resolve(serve(path, LoopbackServer.pem(PKI.chainPem(PKI.leaf())))));
        }

        assertThat(resolver.cachedEntries()).isEqualTo(2);
    }

    private static byte[] der(TestPki.Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
