package io.callsign.certificates;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the verifier's certificate side, validated all at once. The setting key each field is
 * meant to be read from is given in brackets; {@link #defaults()} holds the defaults.
 *
 * @param trustAnchors         [CALLSIGN_TRUST_ANCHORS] PEM file or directory of STI-CA roots; empty = none
 * @param httpsCaFile          [CALLSIGN_HTTPS_CA] PEM file of CAs trusted for HTTPS fetches, besides the JDK's
 * @param x5uAllow             [CALLSIGN_X5U_ALLOW] hostnames and CIDRs exempt from the special-address block
 * @param x5uPorts             [CALLSIGN_X5U_PORTS] ports an x5u may use (X5U-01: 443, 8443)
 * @param fetchTimeout         [CALLSIGN_X5U_TIMEOUT_MS] total deadline of one fetch, connect to last byte
 * @param maxBytes             [CALLSIGN_X5U_MAX_BYTES] largest x5u body accepted (X5U-08)
 * @param maxChainLength       [CALLSIGN_X5U_MAX_CHAIN] most certificates accepted in one x5u body
 * @param cacheMaxEntries      [CALLSIGN_X5U_CACHE_SIZE] cached URLs, least recently used evicted first
 * @param minTtl               [CALLSIGN_X5U_MIN_TTL_S] floor of the cache lifetime (X5U-04: 24 h)
 * @param negativeTtl          [CALLSIGN_X5U_NEGATIVE_TTL_MS] how long a failure is remembered
 * @param staleGrace           [CALLSIGN_X5U_STALE_S] how long an expired good entry is served while refreshing
 * @param maxConcurrentFetches [CALLSIGN_X5U_MAX_FETCHES] fetches running at once; more wait in a queue
 * @param profile              [CALLSIGN_CERT_PROFILE] ATIS-1000080 findings: warn (log, accept) or strict (437)
 * @param crlCheck             [CALLSIGN_CRL_CHECK] off, open (unknown = accept with warning) or closed (437)
 * @param crlMaxBytes          [CALLSIGN_CRL_MAX_BYTES] largest CRL accepted
 * @param crlMaxTtl            [CALLSIGN_CRL_MAX_TTL_S] a CRL is refreshed at nextUpdate, or after this
 * @param anchorsCheckInterval [CALLSIGN_TRUST_ANCHORS_CHECK_S] how often anchor files are checked for changes
 */
public record CertificatesConfig(
        Optional<Path> trustAnchors,
        Optional<Path> httpsCaFile,
        List<String> x5uAllow,
        Set<Integer> x5uPorts,
        Duration fetchTimeout,
        int maxBytes,
        int maxChainLength,
        int cacheMaxEntries,
        Duration minTtl,
        Duration negativeTtl,
        Duration staleGrace,
        int maxConcurrentFetches,
        Profile profile,
        CrlCheck crlCheck,
        int crlMaxBytes,
        Duration crlMaxTtl,
        Duration anchorsCheckInterval) {

    /** What an ATIS-1000080 profile finding does. */
    public enum Profile { WARN, STRICT }

    /** CERT-16 revocation checking. */
    public enum CrlCheck { OFF, OPEN, CLOSED }

    public CertificatesConfig {
        Objects.requireNonNull(trustAnchors, "trustAnchors");
        Objects.requireNonNull(httpsCaFile, "httpsCaFile");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(minTtl, "minTtl");
        Objects.requireNonNull(negativeTtl, "negativeTtl");
        Objects.requireNonNull(staleGrace, "staleGrace");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(crlCheck, "crlCheck");
        Objects.requireNonNull(crlMaxTtl, "crlMaxTtl");
        Objects.requireNonNull(anchorsCheckInterval, "anchorsCheckInterval");
        x5uAllow = List.copyOf(x5uAllow);
        x5uPorts = Set.copyOf(x5uPorts);
        List<String> errors = new ArrayList<>();
        x5uPorts.stream().filter(p -> p < 1 || p > 65535).forEach(p -> errors.add(
                "CALLSIGN_X5U_PORTS: " + p + " is not a TCP port; use 1..65535"));
        positive(errors, "CALLSIGN_X5U_TIMEOUT_MS", fetchTimeout);
        positive(errors, "CALLSIGN_X5U_MIN_TTL_S", minTtl);
        positive(errors, "CALLSIGN_X5U_NEGATIVE_TTL_MS", negativeTtl);
        positive(errors, "CALLSIGN_CRL_MAX_TTL_S", crlMaxTtl);
        positive(errors, "CALLSIGN_TRUST_ANCHORS_CHECK_S", anchorsCheckInterval);
        if (staleGrace.isNegative()) {
            errors.add("CALLSIGN_X5U_STALE_S: " + staleGrace + " is negative; use 0 to disable");
        }
        atLeast(errors, "CALLSIGN_X5U_MAX_BYTES", maxBytes, 1024);
        atLeast(errors, "CALLSIGN_X5U_MAX_CHAIN", maxChainLength, 1);
        atLeast(errors, "CALLSIGN_X5U_CACHE_SIZE", cacheMaxEntries, 1);
        atLeast(errors, "CALLSIGN_X5U_MAX_FETCHES", maxConcurrentFetches, 1);
        atLeast(errors, "CALLSIGN_CRL_MAX_BYTES", crlMaxBytes, 1024);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid certificate settings: " + String.join("; ", errors));
        }
    }

    public static CertificatesConfig defaults() {
        return new CertificatesConfig(Optional.empty(), Optional.empty(), List.of(), Set.of(443, 8443),
                Duration.ofSeconds(2), 64 * 1024, 5, 10_000, Duration.ofHours(24), Duration.ofSeconds(30),
                Duration.ofHours(1), 8, Profile.WARN, CrlCheck.OPEN, 1024 * 1024, Duration.ofHours(24),
                Duration.ofSeconds(60));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(List<String> errors, String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            errors.add(key + ": " + value + " must be positive");
        }
    }

    private static void atLeast(List<String> errors, String key, int value, int min) {
        if (value < min) {
            errors.add(key + ": " + value + " is too small; use at least " + min);
        }
    }

    /** Changes a few values of an existing configuration; {@link #build()} validates. */
    public static final class Builder {
        private Optional<Path> trustAnchors;
        private Optional<Path> httpsCaFile;
        private List<String> x5uAllow;
        private Set<Integer> x5uPorts;
        private Duration fetchTimeout;
        private int maxBytes;
        private int maxChainLength;
        private int cacheMaxEntries;
        private Duration minTtl;
        private Duration negativeTtl;
        private Duration staleGrace;
        private int maxConcurrentFetches;
        private Profile profile;
        private CrlCheck crlCheck;
        private int crlMaxBytes;
        private Duration crlMaxTtl;
        private Duration anchorsCheckInterval;

        private Builder(CertificatesConfig c) {
            trustAnchors = c.trustAnchors;
            httpsCaFile = c.httpsCaFile;
            x5uAllow = c.x5uAllow;
            x5uPorts = c.x5uPorts;
            fetchTimeout = c.fetchTimeout;
            maxBytes = c.maxBytes;
            maxChainLength = c.maxChainLength;
            cacheMaxEntries = c.cacheMaxEntries;
            minTtl = c.minTtl;
            negativeTtl = c.negativeTtl;
            staleGrace = c.staleGrace;
            maxConcurrentFetches = c.maxConcurrentFetches;
            profile = c.profile;
            crlCheck = c.crlCheck;
            crlMaxBytes = c.crlMaxBytes;
            crlMaxTtl = c.crlMaxTtl;
            anchorsCheckInterval = c.anchorsCheckInterval;
        }

        public Builder trustAnchors(Path value) { trustAnchors = Optional.ofNullable(value); return this; }
        public Builder httpsCaFile(Path value) { httpsCaFile = Optional.ofNullable(value); return this; }
        public Builder x5uAllow(List<String> value) { x5uAllow = value; return this; }
        public Builder x5uPorts(Set<Integer> value) { x5uPorts = value; return this; }
        public Builder fetchTimeout(Duration value) { fetchTimeout = value; return this; }
        public Builder maxBytes(int value) { maxBytes = value; return this; }
        public Builder maxChainLength(int value) { maxChainLength = value; return this; }
        public Builder cacheMaxEntries(int value) { cacheMaxEntries = value; return this; }
        public Builder minTtl(Duration value) { minTtl = value; return this; }
        public Builder negativeTtl(Duration value) { negativeTtl = value; return this; }
        public Builder staleGrace(Duration value) { staleGrace = value; return this; }
        public Builder maxConcurrentFetches(int value) { maxConcurrentFetches = value; return this; }
        public Builder profile(Profile value) { profile = value; return this; }
        public Builder crlCheck(CrlCheck value) { crlCheck = value; return this; }
        public Builder crlMaxBytes(int value) { crlMaxBytes = value; return this; }
        public Builder crlMaxTtl(Duration value) { crlMaxTtl = value; return this; }
        public Builder anchorsCheckInterval(Duration value) { anchorsCheckInterval = value; return this; }

        public CertificatesConfig build() {
            return new CertificatesConfig(trustAnchors, httpsCaFile, x5uAllow, x5uPorts, fetchTimeout, maxBytes,
                    maxChainLength, cacheMaxEntries, minTtl, negativeTtl, staleGrace, maxConcurrentFetches,
                    profile, crlCheck, crlMaxBytes, crlMaxTtl, anchorsCheckInterval);
        }
    }
}
