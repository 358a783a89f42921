package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SEC-12: bounded LRU, and a failure never replaces a servable good entry. */
class CertificateCacheTest {

    private static final Instant NOW = TestPki.NOW;
    private static final Credential CREDENTIAL = credential();

    private static Credential credential() {
        TestPki pki = TestPki.create();
        return new ChainValidator(CertificatesConfig.Profile.WARN, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .validate("https://x5u.test/c.pem", pki.chain(pki.leaf()),
                        TrustAnchors.of(List.of(pki.root().certificate())).current(), List.of());
    }

    private static CacheEntry.Good good(Instant expires, Instant staleUntil) {
        return new CacheEntry.Good(new Resolution.Trusted(CREDENTIAL, List.of()), List.of(), 1, expires, staleUntil, expires);
    }

    private static CacheEntry.Bad bad(String message) {
        return new CacheEntry.Bad(new Resolution.Failed(FailureKind.FETCH_FAILED, message), 1, NOW.plusSeconds(30));
    }

    @Test
    void sec12EvictsTheLeastRecentlyUsedBeyondTheBound() {
        CertificateCache cache = new CertificateCache(3);
        cache.store("a", bad("a"), NOW);
        cache.store("b", bad("b"), NOW);
        cache.store("c", bad("c"), NOW);
        cache.get("a");

        cache.store("d", bad("d"), NOW);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b")).as("least recently used").isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.get("d")).isNotNull();
    }

    @Test
    void sec12AFailureDoesNotReplaceAGoodEntry() {
        CertificateCache cache = new CertificateCache(10);
        CacheEntry.Good good = good(NOW.plus(Duration.ofHours(24)), NOW.plus(Duration.ofHours(25)));
        cache.store("u", good, NOW);

        CacheEntry kept = cache.store("u", bad("503"), NOW.plus(Duration.ofHours(1)));

        assertThat(kept).isInstanceOf(CacheEntry.Good.class);
        assertThat(((CacheEntry.Good) kept).credential()).isSameAs(CREDENTIAL);
        assertThat(((CacheEntry.Good) kept).refreshFrom()).as("the failed refresh is not retried at once")
                .isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void aFailureReplacesAGoodEntryThatCanNoLongerBeServed() {
        CertificateCache cache = new CertificateCache(10);
        cache.store("u", good(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2))), NOW);

        assertThat(cache.store("u", bad("503"), NOW.plus(Duration.ofHours(3)))).isInstanceOf(CacheEntry.Bad.class);
    }

    @Test
    void goodReplacesGoodAndKeysAreExactStrings() {
        CertificateCache cache = new CertificateCache(10);
        cache.store("https://x5u.test/c.pem", good(NOW.plusSeconds(10), NOW.plusSeconds(10)), NOW);
        CacheEntry.Good newer = good(NOW.plusSeconds(20), NOW.plusSeconds(20));

        assertThat(cache.store("https://x5u.test/c.pem", newer, NOW)).isSameAs(newer);
        assertThat(cache.get("https://X5U.test/c.pem")).isNull();
    }
}
