package io.callsign.passport;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) on one JCA provider, always speaking the JOSE
 * 64-byte R||S format whatever the provider's native encoding. {@link #active()} is chosen once per
 * JVM: Amazon Corretto Crypto Provider when its native library loads and passes a self-test, else
 * Bouncy Castle, else the JDK's SunEC ({@link ProviderChoice}). Thread-safe.
 *
 * <p>Keys are converted to the provider's own key classes once, in {@link #signerFor} and
 * {@link #verifierFor}; keep the returned objects (per credential, per certificate) on hot paths.
 */
public final class Es256 {

    static final String ALGORITHM = "SHA256withECDSA";

    private static final Es256 ACTIVE = new Es256(ProviderChoice.AUTO.load());

    private final Provider provider;
    private final AtomicReference<JcaSigner> lastSigner = new AtomicReference<>();
    private final AtomicReference<JcaVerifier> lastVerifier = new AtomicReference<>();

    private Es256(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The implementation chosen at class initialisation (fastest healthy provider). */
    public static Es256 active() {
        return ACTIVE;
    }

    /**
     * ES256 on a specific provider, e.g. to honour a configured choice or to benchmark. Loads and
     * self-tests the provider: call once at startup, not per call.
     */
    public static Es256 on(ProviderChoice choice) {
        return choice == ProviderChoice.AUTO ? ACTIVE : new Es256(choice.load());
    }

    /** ES256 on an arbitrary provider instance (tests, HSM providers). */
    public static Es256 on(Provider provider) {
        return new Es256(provider);
    }

    /** Signs with one prepared P-256 key; thread-safe. */
    public interface Signer {
        /** The 64-byte R||S ES256 signature of {@code input[offset, offset + length)} (SIGN-12). */
        byte[] sign(byte[] input, int offset, int length);

        /** The 64-byte R||S ES256 signature of {@code input} (SIGN-12). */
        default byte[] sign(byte[] input) {
            return sign(input, 0, input.length);
        }
    }

    /** Verifies with one prepared P-256 public key; thread-safe. */
    public interface Verifier {
        /**
         * True only when {@code sig64} is 64 bytes (SEC-07) with r and s in [1, n-1] (SEC-06) and is a
         * valid signature of {@code input}. Never throws for bad signatures.
         */
        boolean verify(byte[] input, byte[] sig64);
    }

    public Provider provider() {
        return provider;
    }

    /** E.g. {@code AmazonCorrettoCryptoProvider}, {@code BC} or {@code SunEC}, for the startup log. */
    public String providerName() {
        return provider.getName() + " " + provider.getVersionStr();
    }

    /**
     * Prepares {@code key} (P-256) for repeated signing on this provider. The last prepared key is
     * remembered, so calling this per call with the same key instance costs one comparison.
     */
    public Signer signerFor(PrivateKey key) {
        JcaSigner last = lastSigner.get();
        if (last != null && last.original() == key) {
            return last;
        }
        if (!(key instanceof ECPrivateKey ec) || !EcdsaP256.isP256(ec)) {
            throw new IllegalArgumentException("ES256 needs an EC P-256 private key, got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getSimpleName()));
        }
        JcaSigner signer = new JcaSigner(provider, translate(key), key);
        lastSigner.set(signer);
        return signer;
    }

    /**
     * Prepares {@code key} for repeated verification on this provider; keep one per certificate. The
     * last prepared key is remembered, as for {@link #signerFor}.
     *
     * @throws PassportException {@link Reason#UNSUPPORTED_CREDENTIAL} unless the key is EC P-256
     *                           (SEC-02, CERT-04)
     */
    public Verifier verifierFor(PublicKey key) {
        JcaVerifier last = lastVerifier.get();
        if (last != null && last.original() == key) {
            return last;
        }
        if (!(key instanceof ECPublicKey ec) || !EcdsaP256.isP256(ec)) {
            throw new PassportException(Reason.UNSUPPORTED_CREDENTIAL, "ES256 needs an EC P-256 public key, got "
                    + (key == null ? "null" : key.getAlgorithm() + " " + key.getClass().getSimpleName()));
        }
        JcaVerifier verifier = new JcaVerifier(provider, translate(key), key);
        lastVerifier.set(verifier);
        return verifier;
    }

    /** One-shot signing: {@code signerFor(key).sign(input)}. */
    public byte[] sign(PrivateKey key, byte[] input) {
        return signerFor(key).sign(input);
    }

    /** One-shot verification: {@code verifierFor(key).verify(input, sig64)}. */
    public boolean verify(PublicKey key, byte[] input, byte[] sig64) {
        return verifierFor(key).verify(input, sig64);
    }

    @SuppressWarnings("unchecked")
    private <K extends Key> K translate(K key) {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC", provider);
            try {
                return (K) factory.translateKey(key);
            } catch (GeneralSecurityException | RuntimeException notTranslatable) {
                return (K) (key instanceof PrivateKey
                        ? factory.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()))
                        : factory.generatePublic(new X509EncodedKeySpec(key.getEncoded())));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("provider " + provider.getName()
                    + " cannot import the EC key: " + e.getMessage(), e);
        }
    }

    static Signature newSignature(Provider provider) {
        try {
            return Signature.getInstance(ALGORITHM, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(provider.getName() + " has no " + ALGORITHM, e);
        }
    }
}
