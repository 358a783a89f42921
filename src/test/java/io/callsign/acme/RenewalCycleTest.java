package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import io.callsign.credentials.ActiveCredentials;
import io.callsign.credentials.SigningCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalCycleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final URI X5U = URI.create("https://sti.example.com/.well-known/stir/cert.pem");
    private static final Duration LIFETIME = Duration.ofDays(90);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySharedCredentialStore shared = new InMemorySharedCredentialStore();
    private final InMemoryLeases leases = new InMemoryLeases(clock);
    private final ActiveCredentials active = new ActiveCredentials();
    private FakeIssuer issuer;
    private RenewalCycle cycle;

    @BeforeEach
    void setUp() throws Exception {
        issuer = new FakeIssuer(clock, LIFETIME);
        cycle = cycle("a", issuer, active, dir.resolve("a"));
    }

    @Test
    void theFirstPassIssuesStoresPublishesAndInstalls() {
        cycle.tick();

        SigningCredentials installed = active.current().orElseThrow();
        assertThat(installed.source()).isEqualTo("acme");
        assertThat(installed.x5u()).isEqualTo(X5U);
        assertThat(new AcmeStore(dir.resolve("a")).loadCertificate().orElseThrow().leaf()).isEqualTo(installed.leaf());
        assertThat(shared.publications).hasValue(1);
        assertThat(cycle.status().state()).isEqualTo(AcmeStatus.State.VALID);
        assertThat(cycle.status().nextRenewal()).isEqualTo(T0.plus(Duration.ofDays(60)));
    }

    @Test
    void aStoredValidCertificateIsServedWithoutANewOrder() throws Exception {
        IssuedCertificate stored = new TestPki.Ca("Earlier CA").issued(T0.minus(Duration.ofDays(1)), T0.plus(LIFETIME));
        new AcmeStore(dir.resolve("a")).saveCertificate(stored);

        cycle.loadStored();
        cycle.tick();

        assertThat(issuer.issued).isZero();
        assertThat(active.current().orElseThrow().leaf()).isEqualTo(stored.leaf());
    }

    @Test
    void acme17RenewsAtTwoThirdsAndNamesTheReplacedCertificate() {
        cycle.tick();
        BigInteger first = serial();
        clock.advance(Duration.ofDays(59));
        assertThat(cycle.tick()).isEqualTo(T0.plus(Duration.ofDays(59)).plus(Duration.ofMinutes(5)));
        assertThat(issuer.issued).isEqualTo(1);

        clock.set(T0.plus(Duration.ofDays(60)));
        cycle.tick();

        assertThat(issuer.issued).isEqualTo(2);
        assertThat(serial()).isNotEqualTo(first);
        assertThat(issuer.replaced.get(1).getSerialNumber()).isEqualTo(first);
    }

    @Test
    void acme17AFailedRenewalKeepsTheOldCertificateAndBacksOff() {
        cycle.tick();
        BigInteger first = serial();
        issuer.failWith = "urn:ietf:params:acme:error:serverInternal: try later";
        clock.set(T0.plus(Duration.ofDays(60)));

        Instant retry = cycle.tick();

        assertThat(serial()).isEqualTo(first);
        assertThat(retry).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        AcmeStatus status = cycle.status();
        assertThat(status.state()).isEqualTo(AcmeStatus.State.RETRYING);
        assertThat(status.lastError()).contains("serverInternal");
        assertThat(status.alert()).isFalse();
        cycle.tick(); // before the back-off ends: no attempt
        clock.advance(Duration.ofMinutes(1));
        assertThat(cycle.tick()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void acme17TheAlertRisesNearExpiryWithoutSuccessfulRenewal() {
        cycle.tick();
        issuer.failWith = "CA down";
        clock.set(T0.plus(LIFETIME).minus(Duration.ofDays(8)));
        cycle.tick();
        assertThat(cycle.status().alert()).isFalse();

        clock.set(T0.plus(LIFETIME).minus(Duration.ofDays(6)));
        cycle.tick();
        assertThat(cycle.status().alert()).isTrue();
        assertThat(cycle.status().notAfter()).isEqualTo(T0.plus(LIFETIME));

        issuer.failWith = null;
        clock.advance(Duration.ofHours(1));
        cycle.tick();
        assertThat(cycle.status().alert()).isFalse();
        assertThat(cycle.status().lastError()).isNull();
    }

    @Test
    void aFollowerAdoptsWhatTheLeaseHolderRenewedWithoutOrdering() throws Exception {
        ActiveCredentials followerActive = new ActiveCredentials();
        FakeIssuer followerIssuer = new FakeIssuer(clock, LIFETIME);
        RenewalCycle follower = cycle("b", followerIssuer, followerActive, dir.resolve("b"));

        cycle.tick();
        follower.tick();
        assertThat(followerActive.current().orElseThrow().leaf()).isEqualTo(active.current().orElseThrow().leaf());

        clock.set(T0.plus(Duration.ofDays(60)));
        leases.holdBy("a", Duration.ofMinutes(10)); // "a" is renewing right now
        follower.tick();
        assertThat(followerIssuer.issued).isZero();

        leases.handle("a").release();
        cycle.tick();
        follower.tick();
        assertThat(followerIssuer.issued).isZero();
        assertThat(issuer.issued).isEqualTo(2);
        assertThat(followerActive.current().orElseThrow().leaf()).isEqualTo(active.current().orElseThrow().leaf());
        assertThat(new AcmeStore(dir.resolve("b")).loadCertificate().orElseThrow().leaf())
                .isEqualTo(active.current().orElseThrow().leaf());
    }

    @Test
    void acme16TheAriWindowDecidesWhenToRenew() {
        issuer.window = new RenewalWindow(T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(31)),
                T0.plus(Duration.ofHours(2)), URI.create("https://ca.example/why"));
        cycle.tick();

        AcmeStatus status = cycle.status();
        assertThat(status.nextRenewal()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(status.explanation()).isEqualTo(URI.create("https://ca.example/why"));

        clock.set(T0.plus(Duration.ofDays(30)));
        cycle.tick();
        assertThat(issuer.issued).isEqualTo(2);
    }

    @Test
    void acme16TheCaMovingTheWindowEarlierIsFollowed() {
        issuer.window = new RenewalWindow(T0.plus(Duration.ofDays(30)), T0.plus(Duration.ofDays(31)), null, null);
        cycle.tick();
        issuer.window = new RenewalWindow(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2)), null, null);

        clock.advance(Duration.ofHours(6)); // default re-poll interval without Retry-After
        cycle.tick();

        assertThat(cycle.status().nextRenewal()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void renewNowRenewsBeforeItIsDueAndReportsFailures() {
        cycle.tick();
        BigInteger first = serial();
        cycle.renewNow();
        assertThat(serial()).isNotEqualTo(first);

        BigInteger second = serial();
        issuer.failWith = "urn:ietf:params:acme:error:rateLimited: too many certificates";
        assertThatThrownBy(cycle::renewNow).isInstanceOf(AcmeFailure.class).hasMessageContaining("rateLimited");
        assertThat(serial()).isEqualTo(second);
    }

    @Test
    void renewNowRefusesWhileAnotherInstanceHoldsTheLease() {
        cycle.tick();
        leases.holdBy("b", Duration.ofMinutes(10));
        assertThatThrownBy(cycle::renewNow).isInstanceOf(RenewalBusy.class).hasMessageContaining("another instance");
    }

    @Test
    void atStartTheNewerOfTheStoredAndTheSharedCertificateIsInstalledAndKeptLocally() throws Exception {
        TestPki.Ca ca = new TestPki.Ca("Earlier CA");
        new AcmeStore(dir.resolve("a")).saveCertificate(ca.issued(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30))));
        IssuedCertificate renewedElsewhere = ca.issued(T0, T0.plus(Duration.ofDays(60)));
        shared.publish(renewedElsewhere.toPem());

        cycle.loadStored();

        assertThat(active.current().orElseThrow().leaf()).isEqualTo(renewedElsewhere.leaf());
        assertThat(new AcmeStore(dir.resolve("a")).loadCertificate().orElseThrow().sameLeaf(renewedElsewhere)).isTrue();
        assertThat(issuer.issued).isZero();
    }

    @Test
    void aStoredCertificateForAnotherDomainOrSpcIsNotInstalledButReplaced() throws Exception {
        IssuedCertificate stored = new TestPki.Ca("Earlier CA").issued(T0.minus(Duration.ofDays(1)), T0.plus(LIFETIME));
        new AcmeStore(dir.resolve("a")).saveCertificate(stored);
        shared.publish(stored.toPem());
        issuer.accepts = leaf -> !leaf.equals(stored.leaf());

        cycle.loadStored();
        assertThat(active.current()).isEmpty();
        cycle.tick();

        assertThat(issuer.issued).isEqualTo(1);
        assertThat(active.current().orElseThrow().leaf()).isNotEqualTo(stored.leaf());
    }

    @Test
    void everyIssuanceFailureAndAdoptionIsReported() throws Exception {
        java.util.List<RenewalOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        cycle.onOutcome(outcomes::add);
        cycle.tick();
        issuer.failWith = "urn:ietf:params:acme:error:serverInternal: down";
        assertThatThrownBy(cycle::renewNow).isInstanceOf(AcmeFailure.class);

        RenewalCycle follower = cycle("b", new FakeIssuer(clock, LIFETIME), new ActiveCredentials(), dir.resolve("b"));
        follower.onOutcome(outcomes::add);
        follower.tick();

        assertThat(outcomes).containsExactly(RenewalOutcome.ISSUED, RenewalOutcome.FAILED, RenewalOutcome.ADOPTED);
    }

    @Test
    void eachCertificateIsInstalledWithTheX5uNamedForIt() {
        RenewalCycle perCertificate = new RenewalCycle(RenewalPolicy.defaults(), issuer, new AcmeStore(dir.resolve("c")),
                shared, leases.handle("c"), active,
                leaf -> X5U.resolve(leaf.getSerialNumber().toString(16) + ".pem"), clock, zeroRandom());
        perCertificate.tick();
        BigInteger first = serial();
        perCertificate.renewNow();

        assertThat(active.current().orElseThrow().x5u())
                .isEqualTo(X5U.resolve(serial().toString(16) + ".pem"))
                .isNotEqualTo(X5U.resolve(first.toString(16) + ".pem"));
    }

    private BigInteger serial() {
        return active.current().orElseThrow().leaf().getSerialNumber();
    }

    private RenewalCycle cycle(String name, FakeIssuer fake, ActiveCredentials target, Path storeDir) {
        return new RenewalCycle(RenewalPolicy.defaults(), fake, new AcmeStore(storeDir), shared, leases.handle(name),
                target, X5U, clock, zeroRandom());
    }

    private static RandomGenerator zeroRandom() {
        return () -> 0L;
    }
}
