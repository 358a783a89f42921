package io.callsign.certificates;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cold path: fetch, parse, validate, and pick the cache lifetime. Runs inside a single flight,
 * never on a warm lookup. Thread-safe.
 */
final class CredentialLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialLoader.class);
    private static final String PEM_CHAIN = "application/pem-certificate-chain";

    private final CertificatesConfig config;
    private final X5uFetcher fetcher;
    private final ChainValidator validator;
    private final TrustAnchors anchors;
    private final RevocationChecker revocation;
    private final Clock clock;
    private final CertificateStats stats;

    CredentialLoader(CertificatesConfig config, X5uFetcher fetcher, ChainValidator validator, TrustAnchors anchors,
                     RevocationChecker revocation, Clock clock, CertificateStats stats) {
        this.config = config;
        this.fetcher = fetcher;
        this.validator = validator;
        this.anchors = anchors;
        this.revocation = revocation;
        this.clock = clock;
        this.stats = stats;
    }

    CacheEntry load(String url) {
        Deadline deadline = Deadline.after(config.fetchTimeout());
        TrustAnchors.AnchorSet anchorSet = anchors.current();
        try {
            stats.fetch();
            FetchedResource fetched = fetcher.fetch(url);
            List<String> warnings = contentTypeWarning(url, fetched);
            List<X509Certificate> chain = Pem.x5uChain(fetched.body(), config.maxChainLength(), "x5u " + url);
            Credential credential = validator.validate(url, chain, anchorSet, warnings);
            awaitCrl(credential, deadline);
            Duration ttl = fetched.maxAge().filter(age -> age.compareTo(config.minTtl()) > 0).orElse(config.minTtl());
            return good(credential, warnings, anchorSet.generation(), clock.instant().plus(ttl));
        } catch (CredentialException e) {
            return bad(e.kind(), e.getMessage(), anchorSet.generation());
        } catch (RuntimeException e) {
            LOG.error("x5u {}: unexpected failure while loading", url, e);
            return bad(FailureKind.UNSUPPORTED, "x5u " + url + ": the chain could not be processed: " + e, anchorSet.generation());
        }
    }

    /** The trust anchors changed: judge the cached chain again, without fetching it. */
    CacheEntry revalidate(CacheEntry.Good old) {
        TrustAnchors.AnchorSet anchorSet = anchors.current();
        Credential before = old.credential();
        stats.revalidation();
        try {
            Credential credential = validator.validate(before.x5u(), before.chain(), anchorSet, old.fetchWarnings());
            return good(credential, old.fetchWarnings(), anchorSet.generation(), old.expiresAt());
        } catch (CredentialException e) {
            return bad(e.kind(), e.getMessage(), anchorSet.generation());
        }
    }

    /** X5U-04 lifetime, never past the path's notAfter (SEC-12); an expired path is a failure. */
    private CacheEntry good(Credential credential, List<String> fetchWarnings, long generation, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(credential.notAfter())) {
            return bad(FailureKind.OUTSIDE_VALIDITY, "x5u " + credential.x5u() + ": the certificate path expired at "
                    + credential.notAfter() + " (VER-07)", generation);
        }
        Instant expires = min(expiresAt, credential.notAfter());
        Instant staleUntil = min(expires.plus(config.staleGrace()), credential.notAfter());
        LOG.info("x5u {}: SPC {}, anchor {}, valid {} to {}, cached until {}", credential.x5u(), credential.spc(),
                credential.anchor().getSubjectX500Principal().getName(), credential.notBefore(),
                credential.notAfter(), expires);
        credential.warnings().forEach(w -> LOG.warn("x5u {}: {}", credential.x5u(), w));
        return new CacheEntry.Good(new Resolution.Trusted(credential, credential.warnings()), fetchWarnings,
                generation, expires, staleUntil, expires);
    }

    private CacheEntry bad(FailureKind kind, String message, long generation) {
        LOG.warn("{}", message);
        return new CacheEntry.Bad(new Resolution.Failed(kind, message), generation,
                clock.instant().plus(config.negativeTtl()));
    }

    /** X5U-05, lenient: another media type is accepted when the body is a PEM chain, with a warning. */
    private static List<String> contentTypeWarning(String url, FetchedResource fetched) {
        String type = fetched.contentType().map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
        return type.equals(PEM_CHAIN) ? List.of() : List.of("served as '" + (type.isEmpty() ? "no Content-Type" : type)
                + "' instead of " + PEM_CHAIN + " (X5U-05); accepted");
    }

    /**
     * Gives the CRL fetch whatever is left of this flight's deadline; if it needs longer it goes on
     * in the background and calls see "revocation unknown" until it lands.
     */
    private void awaitCrl(Credential credential, Deadline deadline) {
        try {
            revocation.prefetch(credential).get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("x5u {}: CRL not loaded within the fetch deadline", credential.x5u());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
