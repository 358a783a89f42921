package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.callsign.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lease and the shared store on a real PostgreSQL migrated with the production migrations. */
class AcmeRepositoriesTest {

    private static final Function<X509Certificate, URI> X5U =
            leaf -> URI.create("https://sti.example.com/.well-known/stir/" + leaf.getSerialNumber().toString(16) + ".pem");

    private final TestDatabase.Db db = TestDatabase.create();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theLeaseIsExclusiveUntilReleasedAndCanBeRenewedByItsHolder() {
        LeaseRepository a = new LeaseRepository(db.dataSource(), "acme-renewal", "a");
        LeaseRepository b = new LeaseRepository(db.dataSource(), "acme-renewal", "b");

        assertThat(a.tryAcquire(Duration.ofMinutes(10))).isTrue();
        assertThat(b.tryAcquire(Duration.ofMinutes(10))).isFalse();
        assertThat(a.tryAcquire(Duration.ofMinutes(10))).as("the holder may extend").isTrue();
        b.release(); // not the holder: no effect
        assertThat(b.tryAcquire(Duration.ofMinutes(10))).isFalse();
        a.release();
        assertThat(b.tryAcquire(Duration.ofMinutes(10))).isTrue();
        assertThat(new LeaseRepository(db.dataSource(), "another-job", "a").tryAcquire(Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOverByTheDatabasesClock() throws Exception {
        LeaseRepository crashed = new LeaseRepository(db.dataSource(), "acme-renewal", "crashed");
        LeaseRepository survivor = new LeaseRepository(db.dataSource(), "acme-renewal", "survivor");
        assertThat(crashed.tryAcquire(Duration.ofMillis(300))).isTrue();
        assertThat(survivor.tryAcquire(Duration.ofMinutes(1))).isFalse();

        Thread.sleep(400);

        assertThat(survivor.tryAcquire(Duration.ofMinutes(1))).isTrue();
        assertThat(crashed.tryAcquire(Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void ofInstancesRacingForTheLeaseExactlyOneGetsIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LeaseRepository lease = LeaseRepository.forAcmeRenewal(db.dataSource());
                racers.add(() -> lease.tryAcquire(Duration.ofMinutes(10)));
            }
            int granted = 0;
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSharedStoreReturnsTheNewestAndListsEveryUnexpiredChain() throws Exception {
        SharedCredentialsRepository store = new SharedCredentialsRepository(db.dataSource(), X5U);
        assertThat(store.latest()).isEmpty();
        TestPki.Ca ca = new TestPki.Ca("Shared CA");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedCertificate expired = ca.issued(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)));
        IssuedCertificate older = ca.issued(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        IssuedCertificate newer = ca.issued(now, now.plus(Duration.ofDays(90)));

        store.publish(expired.toPem());
        store.publish(older.toPem());
        store.publish(newer.toPem());

        IssuedCertificate latest = IssuedCertificate.fromPem(store.latest().orElseThrow());
        assertThat(latest.sameLeaf(newer)).isTrue();
        assertThat(latest.key().getEncoded()).isEqualTo(newer.key().getEncoded());
        assertThat(store.unexpiredChains()).containsExactly(newer.chain(), older.chain());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT source, x5u, not_after FROM signing_credentials ORDER BY id DESC LIMIT 1")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("source")).isEqualTo("acme");
            assertThat(row.getString("x5u")).isEqualTo(X5U.apply(newer.leaf()).toString());
            assertThat(row.getTimestamp("not_after").toInstant()).isEqualTo(newer.notAfter());
        }
    }
}
