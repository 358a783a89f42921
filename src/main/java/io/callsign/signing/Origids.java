package io.callsign.signing;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Fresh origination identifiers: RFC 4122 version-4 UUIDs (RFC 8588 §5, SIGN-14), unique and
 * unpredictable per call so that receivers cannot correlate calls through them (RFC 8588 §10).
 * {@link UUID#randomUUID()} draws from one JVM-wide NativePRNG that reads {@code /dev/urandom} under a
 * global lock, which showed in call-path profiles; here each thread has its own DRBG (NIST SP 800-90A,
 * seeded from the system entropy source), so a call costs a few hashes and no system call. Thread-safe.
 */
final class Origids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Origids::drbg);

    private Origids() {
    }

    static String fresh() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // RFC 4122 §4.4: version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // RFC 4122 §4.1.1: variant 10
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // every JDK 9+ has DRBG; this is only a fallback
        }
    }
}
