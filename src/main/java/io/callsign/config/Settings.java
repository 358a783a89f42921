package io.callsign.config;

import io.callsign.database.DatabaseConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole validated configuration of one Callsign process. Immutable.
 *
 * @param dataDir      where embedded data, keys and certificates live ({@code CALLSIGN_DATA_DIR})
 * @param http         the call-path and operations HTTP listener
 * @param rpc          JSON-RPC over TCP and {@code POST /rpc}
 * @param snapshot     the in-memory provisioning view read by the call path
 * @param database     PostgreSQL, external or embedded
 * @param stir         signing policy
 * @param credentials  signing credentials and the certificate repository listener
 * @param verification verifier policy
 * @param acme         ACME enrolment; {@code provider} empty = ACME off
 * @param provisioning the operators' API
 */
public record Settings(
        Path dataDir,
        Http http,
        Rpc rpc,
        DatabaseConfig database,
        Snapshot snapshot,
        Stir stir,
        Credentials credentials,
        Verification verification,
        Acme acme,
        Provisioning provisioning) {

    /** @param maxBodyBytes largest call-path request body; larger gets 413 */
    public record Http(HostPort listen, int maxBodyBytes, int shutdownGraceSeconds) {
    }

    /**
     * @param enabled            {@code SBC_ENABLE_STIR}: false = every sign request answers identity null
     * @param attestation        {@code SBC_STIR_ATTESTATION}: A, B, C or auto
     * @param attestOverride     {@code CALLSIGN_ATTEST_OVERRIDE}: deny, downgrade or allow a request's {@code attest}
     * @param requireKyc         {@code CALLSIGN_ATTEST_REQUIRE_KYC}: A needs a KYC-verified subscriber
     * @param cryptoProvider     {@code CALLSIGN_CRYPTO_PROVIDER}: auto, accp, bc or jdk
     * @param defaultCountryCode prepended to national numbers ({@code CALLSIGN_DEFAULT_COUNTRY_CODE})
     * @param labSpc             service provider code in the generated lab certificate
     * @param maxDateSkewSeconds {@code CALLSIGN_SIGN_MAX_DATE_SKEW_SECONDS}: an INVITE Date further from now is
     *                           not signed (RFC 8224 §6.1 step 3 suggests 60 s)
     */
    public record Stir(boolean enabled, String attestation, String attestOverride, boolean requireKyc,
            String defaultCountryCode, String labSpc, String cryptoProvider, int maxDateSkewSeconds) {
    }

    /**
     * @param listeners       TCP listeners ({@code CALLSIGN_RPC_LISTEN}); empty = no TCP
     * @param maxRequestBytes largest frame or {@code /rpc} body
     */
    public record Rpc(List<io.callsign.rpc.RpcListener> listeners, int maxRequestBytes) {
    }

    /**
     * @param refreshSeconds    safety-net full reload period
     * @param pollMillis        change-log poll period (also how fast a lost database is noticed)
     * @param maxBackoffSeconds longest wait between reconnection attempts
     * @param maxAgeSeconds     readiness fails when the snapshot is older than this and cannot sync
     */
    public record Snapshot(int refreshSeconds, int pollMillis, int maxBackoffSeconds, int maxAgeSeconds) {
    }

    /**
     * @param signingKey  PEM private key ({@code CALLSIGN_SIGNING_KEY})
     * @param signingCert PEM chain, leaf first ({@code CALLSIGN_SIGNING_CERT})
     * @param x5u         public URL of that chain ({@code CALLSIGN_X5U})
     * @param tlsListen   HTTPS listener for the certificate repository ({@code CALLSIGN_TLS_LISTEN})
     * @param tlsListenExplicit whether {@code tlsListen} was set rather than defaulted
     * @param tlsKey      PEM private key of the HTTPS listener ({@code CALLSIGN_TLS_KEY})
     * @param tlsCert     PEM chain of the HTTPS listener, leaf first ({@code CALLSIGN_TLS_CERT})
     * @param labHost     host name or IP in the lab x5u and lab TLS certificate ({@code CALLSIGN_LAB_HOST})
     */
    public record Credentials(Optional<Path> signingKey, Optional<Path> signingCert, Optional<URI> x5u,
            Optional<HostPort> tlsListen, boolean tlsListenExplicit, Optional<Path> tlsKey, Optional<Path> tlsCert,
            String labHost) {

        public boolean staticConfigured() {
            return signingKey.isPresent();
        }
    }

    /**
     * @param failure         {@code CALLSIGN_VERIFY_FAILURE}: {@code continue} (mark and pass) or {@code reject}
     * @param profile         {@code CALLSIGN_VERIFY_PROFILE}: {@code rfc} or {@code strict}
     * @param requireDate     {@code CALLSIGN_REQUIRE_DATE}: a request without Date fails (438)
     * @param requireIdentity {@code CALLSIGN_REQUIRE_IDENTITY}: no usable Identity header gives 428
     * @param replay          {@code CALLSIGN_REPLAY}: {@code flag}, {@code reject} or {@code off}
     * @param replayCacheSize {@code CALLSIGN_REPLAY_CACHE_SIZE}: PASSporTs remembered for replay detection
     * @param reasonProtocol  {@code CALLSIGN_REASON_PROTOCOL}: {@code SIP} or {@code STIR}
     * @param verstatUri      {@code CALLSIGN_VERSTAT_URI}: {@code pai}, {@code pai-or-from} or {@code off}
     * @param x5u             the certificate side: fetching, caching and validating x5u chains
     */
    public record Verification(Optional<Path> trustAnchors, Optional<Path> httpsCa, List<String> x5uAllow,
            int iatMaxAgeSeconds, String failure, String profile, boolean requireDate, boolean requireIdentity,
            String replay, int replayCacheSize, String reasonProtocol, String verstatUri, X5u x5u) {
    }

    /**
     * The verifier's certificate side; each field is the setting of the same meaning.
     *
     * @param ports               {@code CALLSIGN_X5U_PORTS}: ports an x5u may name (X5U-01)
     * @param timeoutMs           {@code CALLSIGN_X5U_TIMEOUT_MS}: deadline of one fetch
     * @param maxBytes            {@code CALLSIGN_X5U_MAX_BYTES}: largest x5u body
     * @param maxChain            {@code CALLSIGN_X5U_MAX_CHAIN}: most certificates in one x5u body
     * @param cacheSize           {@code CALLSIGN_X5U_CACHE_SIZE}: cached x5u URLs
     * @param minTtlSeconds       {@code CALLSIGN_X5U_MIN_TTL_S}: floor of a cached chain's lifetime (X5U-04)
     * @param negativeTtlMs       {@code CALLSIGN_X5U_NEGATIVE_TTL_MS}: how long a failed fetch is remembered
     * @param staleSeconds        {@code CALLSIGN_X5U_STALE_S}: an expired chain is served this long while refreshed
     * @param maxFetches          {@code CALLSIGN_X5U_MAX_FETCHES}: fetches running at once
     * @param certProfile         {@code CALLSIGN_CERT_PROFILE}: {@code warn} or {@code strict} (ATIS-1000080)
     * @param crlCheck            {@code CALLSIGN_CRL_CHECK}: {@code off}, {@code open} or {@code closed}
     * @param crlMaxBytes         {@code CALLSIGN_CRL_MAX_BYTES}: largest CRL
     * @param crlMaxTtlSeconds    {@code CALLSIGN_CRL_MAX_TTL_S}: a CRL is refreshed at nextUpdate or after this
     * @param anchorsCheckSeconds {@code CALLSIGN_TRUST_ANCHORS_CHECK_S}: how often the anchor files are re-read
     */
    public record X5u(List<Integer> ports, int timeoutMs, int maxBytes, int maxChain, int cacheSize,
            int minTtlSeconds, int negativeTtlMs, int staleSeconds, int maxFetches, String certProfile,
            String crlCheck, int crlMaxBytes, int crlMaxTtlSeconds, int anchorsCheckSeconds) {
    }

    /**
     * ACME enrolment and renewal; see the README's settings table for each key.
     *
     * @param provider          {@code ZTA_ACME_PROVIDER}: letsencrypt, zerossl or a directory URL; empty = ACME off
     * @param challenge         {@code CALLSIGN_ACME_CHALLENGE}: http-01, dns-01 or tkauth-01
     * @param eabHmac           {@code CALLSIGN_ACME_EAB_HMAC}; secret
     * @param dnsHook           {@code CALLSIGN_ACME_DNS_HOOK} split into words; empty unless dns-01
     * @param stateDir          {@code CALLSIGN_ACME_DIR}: account key, account URL, certificate (0600)
     * @param perCertificateX5u {@code CALLSIGN_ACME_X5U_PER_CERT}: publish each chain at its own URL and sign with that
     */
    public record Acme(Optional<String> provider, Optional<String> email, Optional<String> domain, boolean staging,
            String challenge, Optional<String> eabKid, Optional<String> eabHmac, Optional<Path> caFile,
            List<String> dnsHook, Duration dnsHookTimeout, AcmeTkauth tkauth, AcmeRenewal renewal, Duration timeout,
            Path stateDir, boolean perCertificateX5u) {

        public Acme {
            dnsHook = List.copyOf(dnsHook);
        }

        public boolean enabled() {
            return provider.isPresent();
        }

        /** http-01 and dns-01 certify the domain: the certificate is also a web certificate for the x5u host. */
        public boolean issuesWebCertificate() {
            return !challenge.equals("tkauth-01");
        }

        @Override
        public String toString() {
            return "Acme[provider=" + provider.orElse("(off)") + ", email=" + email.orElse("") + ", domain="
                    + domain.orElse("") + ", staging=" + staging + ", challenge=" + challenge + ", eabKid="
                    + eabKid.orElse("") + ", eabHmac=" + (eabHmac.isPresent() ? "****" : "(unset)") + ", caFile="
                    + caFile.map(Path::toString).orElse("") + ", dnsHook=" + dnsHook + ", tkauth=" + tkauth
                    + ", renewal=" + renewal + ", timeout=" + timeout + ", stateDir=" + stateDir
                    + ", perCertificateX5u=" + perCertificateX5u + "]";
        }
    }

    /**
     * tkauth-01 (RFC 9447/9448): where the SPC token comes from, and the interop choices.
     *
     * @param fingerprint {@code jwk-thumbprint} (RFC 9448) or {@code spki}
     * @param encoding    {@code base64url} (RFC 9448) or {@code base64}
     * @param field       {@code tkauth} (RFC 9448) or {@code atc}
     */
    public record AcmeTkauth(Optional<URI> tokenUrl, Optional<String> spc, Optional<String> user,
            Optional<String> password, Optional<String> bearerToken, String fingerprint, String encoding, String field) {

        @Override
        public String toString() {
            return "AcmeTkauth[tokenUrl=" + tokenUrl.map(URI::toString).orElse("") + ", spc=" + spc.orElse("")
                    + ", user=" + user.orElse("") + ", password=" + (password.isPresent() ? "****" : "(unset)")
                    + ", bearerToken=" + (bearerToken.isPresent() ? "****" : "(unset)") + ", fingerprint=" + fingerprint
                    + ", encoding=" + encoding + ", field=" + field + "]";
        }
    }

    /**
     * @param ari          {@code CALLSIGN_ACME_ARI}: follow the CA's renewal window (RFC 9773)
     * @param renewAt      {@code CALLSIGN_ACME_RENEW_AT}: fraction of the lifetime after which to renew without ARI
     * @param alertBefore  {@code CALLSIGN_ACME_ALERT_BEFORE}
     * @param retryMin     {@code CALLSIGN_ACME_RETRY_MIN}
     * @param retryMax     {@code CALLSIGN_ACME_RETRY_MAX}
     * @param leaseTtl     {@code CALLSIGN_ACME_LEASE_TTL}
     * @param syncInterval {@code CALLSIGN_ACME_SYNC_INTERVAL}
     */
    public record AcmeRenewal(boolean ari, double renewAt, Duration alertBefore, Duration retryMin, Duration retryMax,
            Duration leaseTtl, Duration syncInterval) {
    }

    /**
     * @param token                    bearer token for the provisioning API; empty = loopback clients only
     * @param importMaxBytes           {@code CALLSIGN_IMPORT_MAX_BYTES}: largest CSV import body
     * @param importIdleTimeoutSeconds {@code CALLSIGN_IMPORT_IDLE_TIMEOUT_SECONDS}: a silent import is rolled back after this
     */
    public record Provisioning(Optional<String> token, long importMaxBytes, int importIdleTimeoutSeconds) {

        @Override
        public String toString() {
            return "Provisioning[token=" + (token.isPresent() ? "****" : "(unset)") + ", importMaxBytes=" + importMaxBytes
                    + ", importIdleTimeoutSeconds=" + importIdleTimeoutSeconds + "]";
        }
    }
}
