package io.callsign.verification;

import io.callsign.certificates.CredentialResolver;
import io.callsign.certificates.Resolution;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * What {@link #resolve} would answer, when that takes no waiting (the credential or the failure is
     * in memory); empty when it may take a fetch. Must never block: it runs on I/O threads. The
     * default never knows, so every verification goes to {@link #resolve}.
     */
    default Optional<Resolution> resolveWithoutWaiting(String x5u, Instant callTime) {
        return Optional.empty();
    }

    /** Both methods of {@code resolver}. */
    static CredentialSource of(CredentialResolver resolver) {
        return new CredentialSource() {
            @Override
            public Resolution resolve(String x5u, Instant callTime) {
                return resolver.resolve(x5u, callTime);
            }

            @Override
            public Optional<Resolution> resolveWithoutWaiting(String x5u, Instant callTime) {
                return resolver.resolveWithoutWaiting(x5u, callTime);
            }
        };
    }
}
