package io.callsign.config;

import io.callsign.database.DatabaseConfig;
import java.net.URI;
import java.nio.file.Path;
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
     */
    public record Stir(boolean enabled, String attestation, String attestOverride, boolean requireKyc,
            String defaultCountryCode, String labSpc, String cryptoProvider) {
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
     * @param failure {@code continue} (mark and pass) or {@code reject}
     */
    public record Verification(Optional<Path> trustAnchors, Optional<Path> httpsCa, List<String> x5uAllow,
            int iatMaxAgeSeconds, String failure) {
    }

    public record Acme(Optional<String> provider, Optional<String> email, Optional<String> domain, boolean staging) {

        public boolean enabled() {
            return provider.isPresent();
        }
    }

    /** @param token bearer token for the provisioning API; empty = loopback clients only */
    public record Provisioning(Optional<String> token) {

        @Override
        public String toString() {
            return "Provisioning[token=" + (token.isPresent() ? "****" : "(unset)") + "]";
        }
    }
}
