package io.callsign.certificates;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CERT-16: the leaf's serial against the CRL at its distribution point. CRLs are fetched off the
 * call path (one flight per URL) and cached until nextUpdate, capped by CALLSIGN_CRL_MAX_TTL_S; a
 * call only reads the cache. Until a CRL is loaded, or while its URL fails, the status is unknown
 * and CALLSIGN_CRL_CHECK decides: open accepts with a warning, closed answers 437. An overdue CRL is
 * still used while its refresh runs. Thread-safe. Longer than usual: the call-path check and the
 * off-path loading share one cache and are easier to judge side by side.
 */
final class RevocationChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationChecker.class);
    private static final int MAX_CRLS = 1_000;

    private sealed interface Entry {
        Instant refreshAt();
    }

    private record Loaded(X509CRL crl, Instant refreshAt) implements Entry { }

    private record Unavailable(String reason, Instant refreshAt) implements Entry { }

    private final CertificatesConfig config;
    private final X5uFetcher fetcher;
    private final Clock clock;
    private final CertificateStats stats;
    private final SingleFlight<Entry> flights;
    private final Map<String, Entry> crls = new ConcurrentHashMap<>();

    RevocationChecker(CertificatesConfig config, X5uFetcher fetcher, Executor executor, Clock clock,
                      CertificateStats stats) {
        this.config = config;
        this.fetcher = fetcher;
        this.clock = clock;
        this.stats = stats;
        this.flights = new SingleFlight<>(executor);
    }

    /** Cold path: starts loading the credential's CRL unless a current one is cached. */
    CompletableFuture<?> prefetch(Credential credential) {
        if (config.crlCheck() == CertificatesConfig.CrlCheck.OFF || credential.crlUrl().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        String url = credential.crlUrl().get();
        Entry entry = crls.get(url);
        return entry != null && clock.instant().isBefore(entry.refreshAt())
                ? CompletableFuture.completedFuture(entry) : load(url, credential).result();
    }

    /** Call path: {@code trusted} itself, the same with a warning, or a failure. Never waits. */
    Resolution apply(Resolution.Trusted trusted) {
        Credential credential = trusted.credential();
        if (config.crlCheck() == CertificatesConfig.CrlCheck.OFF) {
            return trusted;
        }
        if (credential.crlUrl().isEmpty()) {
            return unknown(trusted, "the leaf has no CRL distribution point (CERT-12)");
        }
        String url = credential.crlUrl().get();
        Entry entry = crls.get(url);
        if (entry == null || !clock.instant().isBefore(entry.refreshAt())) {
            load(url, credential);
        }
        if (entry instanceof Loaded loaded) {
            X509CRLEntry revoked = revokedEntry(loaded.crl(), credential.leaf());
            return revoked == null ? trusted : new Resolution.Failed(FailureKind.REVOKED, "x5u " + credential.x5u()
                    + ": the leaf serial " + credential.leaf().getSerialNumber().toString(16) + " is revoked since "
                    + revoked.getRevocationDate().toInstant() + " by the CRL at " + url + " (CERT-16)");
        }
        return unknown(trusted, entry == null ? "the CRL at " + url + " is not loaded yet"
                : ((Unavailable) entry).reason());
    }

    private Resolution unknown(Resolution.Trusted trusted, String why) {
        String message = "x5u " + trusted.credential().x5u() + ": revocation status unknown: " + why;
        if (config.crlCheck() == CertificatesConfig.CrlCheck.CLOSED) {
            return new Resolution.Failed(FailureKind.UNTRUSTED, message + " (CALLSIGN_CRL_CHECK=closed, CERT-16)");
        }
        List<String> warnings = new ArrayList<>(trusted.warnings());
        warnings.add(message + " (accepted: CALLSIGN_CRL_CHECK=open)");
        return new Resolution.Trusted(trusted.credential(), warnings);
    }

    /**
     * The entry for the leaf: by issuer and serial, or by serial alone when the CRL is indirect
     * (the STI-PA, not the leaf's CA, signs the SHAKEN CRL: CERT-12 cRLIssuer).
     */
    private static X509CRLEntry revokedEntry(X509CRL crl, X509Certificate leaf) {
        X509CRLEntry entry = crl.getRevokedCertificate(leaf);
        if (entry == null && !crl.getIssuerX500Principal().equals(leaf.getIssuerX500Principal())) {
            entry = crl.getRevokedCertificate(leaf.getSerialNumber());
        }
        return entry;
    }

    private SingleFlight.Flight<Entry> load(String url, Credential credential) {
        return flights.run(url, () -> store(url, fetch(url, credential)),
                e -> store(url, new Unavailable("CRL " + url + ": " + e.getMessage(), retryAt())));
    }

    private Entry fetch(String url, Credential credential) {
        stats.crlFetch();
        try {
            FetchedResource fetched = fetcher.fetch(url);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(fetched.body()));
            verifySignature(url, crl, credential);
            Instant now = clock.instant();
            Instant cap = now.plus(config.crlMaxTtl());
            Instant next = crl.getNextUpdate() == null ? cap : min(crl.getNextUpdate().toInstant(), cap);
            // An overdue CRL is still the best list there is; it is used, and asked for again soon.
            return new Loaded(crl, next.isAfter(now) ? next : retryAt());
        } catch (CredentialException e) {
            return failed(e.getMessage());
        } catch (GeneralSecurityException | RuntimeException e) {
            return failed("CRL " + url + ": not a valid CRL: " + e.getMessage());
        }
    }

    /** The CRL must be signed by a certificate of the validated path or its anchor. */
    private static void verifySignature(String url, X509CRL crl, Credential credential) throws GeneralSecurityException {
        X509Certificate signer = Stream.concat(credential.path().stream(), Stream.of(credential.anchor()))
                .filter(c -> c.getSubjectX500Principal().equals(crl.getIssuerX500Principal())).findFirst()
                .orElseThrow(() -> CredentialException.fetch("CRL " + url + ": its issuer "
                        + crl.getIssuerX500Principal().getName() + " is not in the certificate path; cannot verify it"));
        crl.verify(signer.getPublicKey());
    }

    private Entry failed(String reason) {
        stats.crlFailure();
        LOG.warn("{}", reason);
        return new Unavailable(reason, retryAt());
    }

    private Entry store(String url, Entry entry) {
        crls.put(url, entry);
        while (crls.size() > MAX_CRLS) {
            crls.entrySet().stream().min(Comparator.comparing(e -> e.getValue().refreshAt()))
                    .ifPresent(oldest -> crls.remove(oldest.getKey(), oldest.getValue()));
        }
        return entry;
    }

    private Instant retryAt() {
        return clock.instant().plus(config.negativeTtl());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
