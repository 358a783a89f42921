package io.callsign.verification;

import io.callsign.certificates.CertificateStats;
import io.callsign.certificates.CredentialResolver;
import io.callsign.certificates.FailureKind;
import io.callsign.ops.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Bridges the certificate cache counters of the verifier's resolvers to {@code /metrics}, read at
 * scrape time and summed over the resolvers (production and, in lab mode, lab). Stateless.
 */
final class CertificateMetrics {

    private CertificateMetrics() {
    }

    static void export(Metrics metrics, List<CredentialResolver> resolvers) {
        gauge(metrics, resolvers, "callsign_x5u_lookups", "x5u lookups by how the cache answered",
                CertificateStats::cacheHits, "result", "hit");
        gauge(metrics, resolvers, "callsign_x5u_lookups", "", CertificateStats::staleHits, "result", "stale");
        gauge(metrics, resolvers, "callsign_x5u_lookups", "", CertificateStats::negativeHits, "result", "negative");
        gauge(metrics, resolvers, "callsign_x5u_lookups", "", CertificateStats::cacheMisses, "result", "miss");
        gauge(metrics, resolvers, "callsign_x5u_coalesced", "Cache misses that joined a fetch in flight (X5U-08)",
                CertificateStats::coalescedWaits);
        gauge(metrics, resolvers, "callsign_x5u_fetches", "x5u fetches started", CertificateStats::fetches);
        gauge(metrics, resolvers, "callsign_x5u_revalidations", "Cached chains validated again after an anchor change",
                CertificateStats::revalidations);
        gauge(metrics, resolvers, "callsign_crl_fetches", "CRL fetches started", CertificateStats::crlFetches);
        gauge(metrics, resolvers, "callsign_crl_failures", "CRL fetches that failed", CertificateStats::crlFailures);
        for (FailureKind kind : FailureKind.values()) {
            gauge(metrics, resolvers, "callsign_x5u_failures", "x5u lookups that ended in a failure, by kind",
                    s -> s.failures(kind), "kind", kind.name().toLowerCase(Locale.ROOT));
        }
        metrics.gauge("callsign_x5u_cache_entries", "x5u URLs in the certificate cache",
                () -> resolvers.stream().mapToInt(CredentialResolver::cachedEntries).sum());
    }

    private static void gauge(Metrics metrics, List<CredentialResolver> resolvers, String name, String help,
                              ToLongFunction<CertificateStats> value, String... labels) {
        metrics.gauge(name, help, () -> resolvers.stream().mapToLong(r -> value.applyAsLong(r.stats())).sum(), labels);
    }
}
