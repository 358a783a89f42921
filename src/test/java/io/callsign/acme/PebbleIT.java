package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuance, restart, renewal and failures against a real ACME server: pebble. */
class PebbleIT {

    static final String DOMAIN = "sti.example.com";

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
    void issuesAP256CertificateStoresItPrivatelyAndInstallsIt() throws Exception {
        ActiveCredentials active = new ActiveCredentials();
        AcmeConfig config = config(pebble);
        try (RenewalScheduler scheduler = scheduler(config, new AcmeStore(dir), active, null)) {
            scheduler.start();
            awaitState(scheduler, AcmeStatus.State.VALID);

            SigningCredentials credentials = active.current().orElseThrow();
            assertThat(credentials.source()).isEqualTo("acme");
            assertThat(credentials.x5u()).isEqualTo(URI.create("https://sti.example.com:8443/.well-known/stir/cert.pem"));
            assertThat(((ECPublicKey) credentials.leaf().getPublicKey()).getParams().getCurve().getField().getFieldSize())
                    .isEqualTo(256);
            assertThat(credentials.chain()).hasSizeGreaterThanOrEqualTo(2);
            credentials.leaf().verify(credentials.chain().get(1).getPublicKey()); // leaf first, issuer next
            assertThat(credentials.leaf().getSubjectAlternativeNames()).anyMatch(name -> DOMAIN.equals(name.get(1)));
            for (String file : List.of("account-key.pem", "account.txt", "certificate.pem")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                        .as(file).isEqualTo("rw-------");
            }
            assertThat(scheduler.status().notAfter()).isEqualTo(credentials.leaf().getNotAfter().toInstant());
        }
    }

    @Test
    void aRestartReusesTheAccountAndTheStoredCertificate() throws Exception {
        AcmeConfig config = config(pebble);
        ActiveCredentials firstActive = new ActiveCredentials();
        try (RenewalScheduler first = scheduler(config, new AcmeStore(dir), firstActive, null)) {
            first.start();
            awaitState(first, AcmeStatus.State.VALID);
        }
        String account = Files.readString(dir.resolve("account.txt"));
        BigInteger serial = firstActive.current().orElseThrow().leaf().getSerialNumber();

        ActiveCredentials restarted = new ActiveCredentials();
        CountingIssuer counting = new CountingIssuer(new AcmeEnrolment(config, new AcmeStore(dir), new Http01Responder(),
                Clock.systemUTC()));
        try (RenewalScheduler second = scheduler(config, new AcmeStore(dir), restarted, counting)) {
            second.start();
            assertThat(restarted.current()).isPresent(); // installed from disk before any network
            assertThat(counting.plans.tryAcquire(60, TimeUnit.SECONDS)).isTrue(); // the first pass has planned
            assertThat(counting.issues).hasValue(0);
            assertThat(restarted.current().orElseThrow().leaf().getSerialNumber()).isEqualTo(serial);
            assertThat(second.status().state()).isEqualTo(AcmeStatus.State.VALID);

            second.renewNow(); // and an order with the stored account works
        }
        assertThat(Files.readString(dir.resolve("account.txt"))).isEqualTo(account);
    }

    @Test
    void rotationUnderLoadSwapsKeyAndChainTogetherExactlyOnce() throws Exception {
        ActiveCredentials active = new ActiveCredentials();
        try (RenewalScheduler scheduler = scheduler(config(pebble), new AcmeStore(dir), active, null)) {
            scheduler.start();
            awaitState(scheduler, AcmeStatus.State.VALID);
            BigInteger old = active.current().orElseThrow().leaf().getSerialNumber();
            SigningLoop signer = new SigningLoop(active);
            Thread thread = new Thread(signer, "signer");
            thread.start();
            signer.awaitRunning();

            scheduler.renewNow();
            Thread.sleep(200);
            signer.stop();
            thread.join();

            BigInteger renewed = active.current().orElseThrow().leaf().getSerialNumber();
            assertThat(renewed).isNotEqualTo(old);
            assertThat(signer.torn).as("signatures whose key did not match the published leaf").isZero();
            assertThat(signer.serials).containsExactly(old, renewed); // old until the swap, then new, once
            assertThat(signer.signatures).isGreaterThan(10);
            assertThat(new AcmeStore(dir).loadCertificate().orElseThrow().leaf().getSerialNumber()).isEqualTo(renewed);
        }
    }

    /**
     * Pebble rejects 30% of good nonces here; two issuances make ~30 signed requests, so the chance
     * that none was rejected is below 1e-4. The exact retry nonce is checked by TkauthIT's stub.
     */
    @Test
    void acme04BadNoncesAreRetried() throws Exception {
        try (PebbleServer grumpy = PebbleServer.start(Files.createDirectories(dir.resolve("pebble")),
                java.util.Map.of("PEBBLE_WFE_NONCEREJECT", "30"), java.util.Map.of())) {
            AcmeEnrolment enrolment = new AcmeEnrolment(config(grumpy), new AcmeStore(dir.resolve("acme")),
                    new Http01Responder(), Clock.systemUTC());
            for (int i = 0; i < 2; i++) {
                assertThat(enrolment.issue(null).leaf()).isNotNull();
            }
            assertThat(grumpy.log()).contains("Configured to reject 30% of good nonces");
        }
    }

    @Test
    void aWrongDirectoryIsAClearError() {
        AcmeConfig config = config(pebble);
        AcmeConfig wrong = new AcmeConfig(URI.create(config.directory().resolve("/no-such-dir").toString()),
                null, DOMAIN, config.x5u(), ChallengeMethod.HTTP_01, null, pebble.caFile(), List.of(),
                Duration.ofSeconds(5), null, RenewalPolicy.defaults(), Duration.ofSeconds(10));
        assertThatThrownBy(() -> new AcmeEnrolment(wrong, new AcmeStore(dir), new Http01Responder(), Clock.systemUTC())
                .issue(null))
                .isInstanceOf(AcmeFailure.class)
                .hasMessageContaining("no-such-dir");
    }

    @Test
    void whenTheCaIsDownTheOldCredentialsStayAndTheErrorIsReported() throws Exception {
        try (PebbleServer doomed = PebbleServer.start(Files.createDirectories(dir.resolve("pebble")))) {
            ActiveCredentials active = new ActiveCredentials();
            try (RenewalScheduler scheduler = scheduler(config(doomed), new AcmeStore(dir.resolve("acme")), active,
                    null)) {
                scheduler.start();
                awaitState(scheduler, AcmeStatus.State.VALID);
                SigningCredentials before = active.current().orElseThrow();
                doomed.close();

                assertThatThrownBy(scheduler::renewNow).isInstanceOf(AcmeFailure.class)
                        .hasMessageContaining(doomed.directory().toString());

                assertThat(active.current()).containsSame(before);
                AcmeStatus status = scheduler.status();
                assertThat(status.state()).isEqualTo(AcmeStatus.State.RETRYING);
                assertThat(status.lastError()).contains("ACME");
                assertThat(status.alert()).isFalse(); // years from expiry
            }
        }
    }

    @Test
    void externalAccountBindingIsSentWhenTheCaRequiresIt() throws Exception {
        String hmac = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";
        try (PebbleServer strict = PebbleServer.start(Files.createDirectories(dir.resolve("pebble")), java.util.Map.of(),
                java.util.Map.of("externalAccountBindingRequired", true,
                        "externalAccountMACKeys", java.util.Map.of("kid-1", hmac)))) {
            assertThatThrownBy(() -> new AcmeEnrolment(config(strict), new AcmeStore(dir.resolve("none")),
                    new Http01Responder(), Clock.systemUTC()).issue(null))
                    .isInstanceOf(AcmeFailure.class).hasMessageContaining("externalAccountRequired");

            IssuedCertificate issued = new AcmeEnrolment(config(strict).withEab(new ExternalAccountBinding("kid-1", hmac)),
                    new AcmeStore(dir.resolve("eab")), new Http01Responder(), Clock.systemUTC()).issue(null);
            assertThat(issued.chain()).isNotEmpty();
        }
    }

    @Test
    void dns01RunsTheHookToPresentAndCleanUpTheRecord() throws Exception {
        Path calls = dir.resolve("hook-calls.txt");
        Path hook = dir.resolve("dns-hook.sh");
        Files.writeString(hook, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\necho hook saw $1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwx------"));
        AcmeConfig config = config(pebble).withDnsHook(List.of(hook.toString()), Duration.ofSeconds(10));

        new AcmeEnrolment(config, new AcmeStore(dir.resolve("acme")), new Http01Responder(), Clock.systemUTC())
                .issue(null);

        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("present sti\\.example\\.com _acme-challenge\\.sti\\.example\\.com\\. [A-Za-z0-9_-]{43}");
        assertThat(lines.get(1)).isEqualTo(lines.get(0).replaceFirst("present", "cleanup"));
    }

    static AcmeConfig config(PebbleServer server) {
        return AcmeConfig.of(server.directory(), DOMAIN).withEmail("noc@example.com")
                .withX5u(AcmeConfig.x5uFor(DOMAIN, 8443)).withTrustedCa(server.caFile())
                .withTimeout(Duration.ofSeconds(30));
    }

    static RenewalScheduler scheduler(AcmeConfig config, AcmeStore store, ActiveCredentials active,
                                      CertificateIssuer issuer) {
        CertificateIssuer chosen = issuer != null ? issuer
                : new AcmeEnrolment(config, store, new Http01Responder(), Clock.systemUTC());
        return new RenewalScheduler(config.renewal(), chosen, store, SharedCredentialStore.none(),
                RenewalLease.alwaysGranted(), active, config.x5u(), Clock.systemUTC());
    }

    static void awaitState(RenewalScheduler scheduler, AcmeStatus.State wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (scheduler.status().state() != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(scheduler.status().state()).as("state; last error: " + scheduler.status().lastError())
                .isEqualTo(wanted);
    }

    /** Signs like the call path does: one read of ActiveCredentials, sign with its key, check with its leaf. */
    static final class SigningLoop implements Runnable {
        private final ActiveCredentials active;
        private volatile boolean stop;
        private final java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        final List<BigInteger> serials = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile int torn;
        volatile int signatures;

        SigningLoop(ActiveCredentials active) {
            this.active = active;
        }

        void awaitRunning() throws InterruptedException {
            running.await();
        }

        void stop() {
            stop = true;
        }

        @Override
        public void run() {
            byte[] payload = "PASSporT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            while (!stop) {
                SigningCredentials credentials = active.current().orElseThrow();
                X509Certificate leaf = credentials.leaf();
                if (serials.isEmpty() || !serials.get(serials.size() - 1).equals(leaf.getSerialNumber())) {
                    serials.add(leaf.getSerialNumber());
                }
                try {
                    Signature signer = Signature.getInstance("SHA256withECDSA");
                    signer.initSign(credentials.key());
                    signer.update(payload);
                    byte[] signature = signer.sign();
                    Signature verifier = Signature.getInstance("SHA256withECDSA");
                    verifier.initVerify(leaf.getPublicKey());
                    verifier.update(payload);
                    if (!verifier.verify(signature)) {
                        torn++;
                    }
                } catch (java.security.GeneralSecurityException e) {
                    torn++;
                }
                signatures++;
                running.countDown();
            }
        }
    }
}
