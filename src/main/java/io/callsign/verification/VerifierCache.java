package io.callsign.verification;

import io.callsign.passport.Es256;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One prepared {@link Es256.Verifier} per credential key, so a warm verification is a map get and one
 * ECDSA verification. Keyed by the key object's identity: the certificate cache hands out the same
 * {@code Credential} (and key) for as long as it holds the chain, and identity needs neither hashing
 * nor encoding of the key. Bounded: past {@link #MAX_KEYS} it starts over. Thread-safe.
 */
final class VerifierCache {

    static final int MAX_KEYS = 4096;

    /** Identity of a key object. */
    private record Identity(PublicKey key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private final Es256 es256;
    private final Map<Identity, Es256.Verifier> verifiers = new ConcurrentHashMap<>();

    VerifierCache(Es256 es256) {
        this.es256 = es256;
    }

    /**
     * @throws io.callsign.passport.PassportException 437 unless the key is EC P-256 (SEC-02, CERT-04)
     */
    Es256.Verifier verifierFor(PublicKey key) {
        Identity identity = new Identity(key);
        Es256.Verifier verifier = verifiers.get(identity);
        if (verifier == null) {
            verifier = es256.verifierFor(key);
            if (verifiers.size() >= MAX_KEYS) {
                verifiers.clear();
            }
            verifiers.put(identity, verifier);
        }
        return verifier;
    }

    int size() {
        return verifiers.size();
    }
}
