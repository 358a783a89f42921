package io.callsign;

import static io.callsign.AcmeFixture.await;
import static io.callsign.AcmeFixture.info;
import static io.callsign.AcmeFixture.published;
import static io.callsign.AcmeFixture.rows;
import static io.callsign.AcmeFixture.settings;
import static io.callsign.AcmeFixture.sign;
import static io.callsign.AcmeFixture.status;
import static io.callsign.AcmeFixture.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.acme.AcmeStatus;
import io.callsign.acme.PebbleServer;
import io.callsign.credentials.SigningCredentials;
import io.callsign.database.TestDatabase;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero-touch ACME in the running service, against a real ACME server (pebble): first certificate,
 * rotation under load with per-certificate x5u, restart from stored state, and two instances on
 * one database (ACME-13, ACME-14, ACME-17, ACME-19, X5U-09).
 */
class AcmeServiceIT {

    @TempDir
    static Path pebbleDir;
    static PebbleServer pebble;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPebble() throws Exception {
        pebble = PebbleServer.start(pebbleDir);
    }

    @AfterAll
    static void stopPebble() throws Exception {
        pebble.close();
    }

    @Test
    void zeroTouchTheFirstSignedCallCarriesTheAcmeX5uAndItsChainIsPublished() throws Exception {
        long started = System.nanoTime();
        try (TestService service = TestService.start(settings(pebble, dir))) {
            long listening = System.nanoTime();
            JsonNode signed = sign(service);
            while (signed.get("identity").isNull()) {
                assertThat(signed.get("reason").asText()).contains("no signing credentials are installed yet");
                Thread.sleep(20);
                signed = sign(service);
            }
            System.out.printf("ACME: first signed call %d ms after start, %d ms after the service listened%n",
                    (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - listening) / 1_000_000);

            String identity = signed.get("identity").asText();
            URI x5u = info(identity);
            assertThat(x5u.toString()).matches("https://localhost/\\.well-known/stir/[0-9a-f]{16}\\.pem");
            SigningCredentials active = service.service().credentials().current().orElseThrow();
            assertThat(active.source()).isEqualTo("acme");
            assertThat(active.x5u()).isEqualTo(x5u);
            List<X509Certificate> perCertificate = published(service, x5u);
            List<X509Certificate> certPem = published(service, URI.create("/.well-known/stir/cert.pem"));
            assertThat(perCertificate).isEqualTo(certPem).isEqualTo(active.chain());
            assertThat(perCertificate).hasSizeGreaterThanOrEqualTo(2);
            assertThat(verifies(identity, certPem.get(0))).as("signed by the published leaf's key").isTrue();
            assertThat(service.get(x5u.getRawPath()).headers().firstValue("Cache-Control"))
                    .contains("max-age=86400, immutable");
            assertThat(service.get("/.well-known/stir/0000000000000000.pem").statusCode()).isEqualTo(404);

            // The first order is still finishing (stored, shared) when its certificate already signs.
            await("readiness shows the ACME certificate valid", 30, () -> AcmeFixture.json(service.get("/health/ready").body())
                    .at("/components/credentials/detail").asText().contains("ACME valid"));
            HttpResponse<String> ready = service.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(AcmeFixture.json(ready.body()).at("/components/credentials/detail").asText())
                    .contains("(acme)").contains("ACME valid");
            assertThat(service.get("/metrics").body())
                    .contains("callsign_cert_renewals_total{result=\"success\"} 1")
                    .contains("callsign_cert_alert 0.0")
                    .containsPattern("callsign_cert_not_after_seconds \\d\\.\\d+E9");
            assertTlsPresents(service, active.leaf());
        }
    }

    @Test
    void forcedRenewalUnderLoadSwitchesTheX5uOnceAndEveryTokenVerifiesWithItsPublishedChain() throws Exception {
        try (TestService service = TestService.start(settings(pebble, dir))) {
            await("first certificate", 60, () -> status(service).state() == AcmeStatus.State.VALID);
            URI before = service.service().credentials().current().orElseThrow().x5u();
            SignLoad load = SignLoad.start(service, 4);

            HttpResponse<String> renewed = service.postJson("/v1/cert:renew", "");
            Thread.sleep(300);
            List<List<String>> perThread = load.stop();

            assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
            URI after = service.service().credentials().current().orElseThrow().x5u();
            assertThat(after).isNotEqualTo(before);
            assertThat(AcmeFixture.json(renewed.body()).get("x5u").asText()).isEqualTo(after.toString());
            assertThat(load.failures()).as("calls answered without an identity or with an error").isZero();
            Set<URI> seen = new LinkedHashSet<>();
            for (List<String> calls : perThread) {
                List<URI> order = calls.stream().map(AcmeFixture::info).distinct().toList();
                assertThat(List.of(List.of(before), List.of(after), List.of(before, after)))
                        .as("each thread sees the old x5u, then the new one, never back: " + order).contains(order);
                seen.addAll(order);
            }
            assertThat(seen).containsExactly(before, after);
            int total = 0;
            for (List<String> calls : perThread) {
                for (String identity : calls) {
                    // per-certificate paths are immutable: what they serve now is what they served then
                    assertThat(verifies(identity, published(service, info(identity)).get(0))).as(identity).isTrue();
                    total++;
                }
            }
            assertThat(total).isGreaterThan(20);
            System.out.printf("ACME: %d signed calls during the forced renewal, none failed%n", total);
            X509Certificate renewedLeaf = published(service, after).get(0);
            assertThat(published(service, URI.create("/.well-known/stir/cert.pem")).get(0)).isEqualTo(renewedLeaf);
            assertTlsPresents(service, renewedLeaf); // the HTTPS listener follows without a restart
        }
    }

    @Test
    void aRestartInstallsTheStoredCertificateAtOnceWithoutANewAccountOrOrder() throws Exception {
        TestDatabase.Db db = TestDatabase.create();
        try (db) {
            BigInteger serial;
            try (TestService first = TestService.startShared(db, settings(pebble, dir))) {
                await("first certificate", 60, () -> status(first).state() == AcmeStatus.State.VALID);
                serial = first.service().credentials().current().orElseThrow().leaf().getSerialNumber();
            }
            String account = Files.readString(dir.resolve("acme/account.txt"));
            String pebbleLog = pebble.log();

            try (TestService second = TestService.startShared(db, settings(pebble, dir))) {
                // installed during start, before the first request and without the CA
                assertThat(second.service().credentials().current().orElseThrow().leaf().getSerialNumber())
                        .isEqualTo(serial);
                assertThat(sign(second).get("identity").isNull()).isFalse();
                await("renewal planned", 30, () -> status(second).nextRenewal() != null
                        && status(second).state() == AcmeStatus.State.VALID);
                Thread.sleep(500);
                assertThat(status(second).serial()).isEqualTo(serial.toString(16));
            }
            assertThat(Files.readString(dir.resolve("acme/account.txt"))).isEqualTo(account);
            assertThat(rows(db.dataSource(), "SELECT count(*) FROM signing_credentials")).isEqualTo(1);
            String sinceRestart = pebble.log().substring(pebbleLog.length());
            assertThat(sinceRestart).doesNotContain("/sign-me-up").doesNotContain("/order-plz"); // newAccount, newOrder
        }
    }

    @Test
    void twoInstancesOnOneDatabaseOrderOnceAndServeTheSameCertificate() throws Exception {
        TestDatabase.Db db = TestDatabase.create();
        int logBefore = pebble.log().length();
        try (db) {
            CompletableFuture<TestService> a = CompletableFuture.supplyAsync(
                    () -> TestService.startShared(db, settings(pebble, dir.resolve("a"))));
            CompletableFuture<TestService> b = CompletableFuture.supplyAsync(
                    () -> TestService.startShared(db, settings(pebble, dir.resolve("b"))));
            try (TestService first = a.join(); TestService second = b.join()) {
                await("both instances hold the same certificate", 60, () -> status(first).serial() != null
                        && status(first).serial().equals(status(second).serial()));

                assertThat(rows(db.dataSource(), "SELECT count(*) FROM signing_credentials")).isEqualTo(1);
                assertThat(pebble.log().substring(logBefore).split("POST /order-plz", -1)).as("newOrder requests").hasSize(2);
                String metrics = first.get("/metrics").body() + second.get("/metrics").body();
                // Exactly one instance ordered; the other took the shared certificate (it may count that
                // adoption again when it re-reads the store at start).
                assertThat(metrics).containsOnlyOnce("callsign_cert_renewals_total{result=\"success\"} 1")
                        .contains("callsign_cert_renewals_total{result=\"adopted\"}");
                URI x5u = info(sign(first).get("identity").asText());
                assertThat(info(sign(second).get("identity").asText())).isEqualTo(x5u);
                assertThat(published(second, x5u)).isEqualTo(published(first, x5u));
            }
        }
    }

    private static void assertTlsPresents(TestService service, X509Certificate leaf) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("pebble-root", AcmeFixture.parse(pebble.root()).get(0));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        int port = service.service().tlsPort().orElseThrow();
        // Hostname verification stays on: the ACME certificate names localhost.
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5))
                .build().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/.well-known/stir/cert.pem"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        SSLSession session = response.sslSession().orElseThrow();
        assertThat(session.getPeerCertificates()[0]).isEqualTo(leaf);
    }

    /** Threads calling /v1/sign until stopped, recording each thread's Identity headers in order. */
    static final class SignLoad {
        private final List<Thread> threads = new ArrayList<>();
        private final List<List<String>> identities = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean stop;

        static SignLoad start(TestService service, int threads) throws InterruptedException {
            SignLoad load = new SignLoad();
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(threads);
            for (int i = 0; i < threads; i++) {
                List<String> mine = java.util.Collections.synchronizedList(new ArrayList<>());
                load.identities.add(mine);
                Thread thread = new Thread(() -> load.run(service, mine, running), "sign-load-" + i);
                load.threads.add(thread);
                thread.start();
            }
            running.await();
            return load;
        }

        private void run(TestService service, List<String> mine, java.util.concurrent.CountDownLatch running) {
            while (!stop) {
                try {
                    JsonNode signed = sign(service);
                    if (signed.get("identity").isNull()) {
                        failures.incrementAndGet();
                    } else {
                        mine.add(signed.get("identity").asText());
                    }
                } catch (RuntimeException | AssertionError e) {
                    failures.incrementAndGet();
                }
                running.countDown();
            }
        }

        List<List<String>> stop() throws InterruptedException {
            stop = true;
            for (Thread thread : threads) {
                thread.join();
            }
            return identities;
        }

        int failures() {
            return failures.get();
        }
    }
}
