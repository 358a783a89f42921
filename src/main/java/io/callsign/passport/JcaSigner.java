package io.callsign.passport;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;

/**
 * {@link Es256.Signer} on a JCA provider: one initialised {@link Signature} per thread, because
 * {@code Signature} is not thread-safe and {@code getInstance} + {@code initSign} per call costs more
 * than the signature itself on native providers.
 */
final class JcaSigner implements Es256.Signer {

    private final PrivateKey original;
    private final ThreadLocal<Signature> perThread;

    JcaSigner(Provider provider, PrivateKey key, PrivateKey original) {
        this.original = original;
        this.perThread = ThreadLocal.withInitial(() -> init(provider, key));
        perThread.get(); // fail now, not on the first call, if the provider refuses the key
    }

    PrivateKey original() {
        return original;
    }

    @Override
    public byte[] sign(byte[] input, int offset, int length) {
        Signature signature = perThread.get();
        try {
            signature.update(input, offset, length);
            // sign() resets the object to its initSign state, ready for the next call.
            return EcdsaP256.derToRaw(signature.sign());
        } catch (GeneralSecurityException | RuntimeException e) {
            perThread.remove(); // state unknown after a failure
            throw new IllegalStateException("ES256 signing failed on "
                    + signature.getProvider().getName() + ": " + e.getMessage(), e);
        }
    }

    private static Signature init(Provider provider, PrivateKey key) {
        Signature signature = Es256.newSignature(provider);
        try {
            signature.initSign(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(provider.getName() + " refuses the signing key: "
                    + e.getMessage(), e);
        }
        return signature;
    }
}
