package io.callsign.verification;

import io.callsign.certificates.Resolution;
import java.time.Instant;

/**
 * Where the verifier gets a validated credential for an x5u: normally
 * {@link io.callsign.certificates.CredentialResolver#resolve(String, Instant)}; tests use fakes.
 * Implementations must be thread-safe and must not throw for a bad URL or an unreachable server.
 */
@FunctionalInterface
public interface CredentialSource {

    /**
     * @param x5u      the URL exactly as the Identity header's info and the PASSporT's x5u give it
     * @param callTime the verification instant the credential must be valid at (VER-07)
     */
    Resolution resolve(String x5u, Instant callTime);
}
