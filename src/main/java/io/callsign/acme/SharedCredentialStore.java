package io.callsign.acme;

import java.util.Optional;

/**
 * Where the instance that renewed publishes the new key and chain for the other instances (a
 * database table in production). The value is {@link IssuedCertificate#toPem()}: it holds a private
 * key, so the store must be as protected as the key files. Implementations are thread-safe.
 */
public interface SharedCredentialStore {

    /** Replaces the published credentials with {@code keyAndChainPem}. */
    void publish(String keyAndChainPem);

    /** The most recently published credentials, or empty. */
    Optional<String> latest();

    /** For a single instance: nothing is shared. */
    static SharedCredentialStore none() {
        return new SharedCredentialStore() {
            @Override
            public void publish(String keyAndChainPem) {
                // nobody to share with
            }

            @Override
            public Optional<String> latest() {
                return Optional.empty();
            }
        };
    }
}
