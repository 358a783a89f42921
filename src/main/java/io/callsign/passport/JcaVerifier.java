package io.callsign.passport;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/**
 * {@link Es256.Verifier} on a JCA provider: checks length and the r, s range itself (SEC-06, SEC-07)
 * before the provider sees anything, then verifies with one initialised {@link Signature} per thread.
 */
final class JcaVerifier implements Es256.Verifier {

    private final PublicKey original;
    private final ThreadLocal<Signature> perThread;

    JcaVerifier(Provider provider, PublicKey key, PublicKey original) {
        this.original = original;
        this.perThread = ThreadLocal.withInitial(() -> init(provider, key));
        perThread.get();
    }

    PublicKey original() {
        return original;
    }

    @Override
    public boolean verify(byte[] input, byte[] sig64) {
        if (input == null || EcdsaP256.rangeProblem(sig64) != null) {
            return false;
        }
        Signature signature = perThread.get();
        try {
            signature.update(input);
            // verify() resets the object to its initVerify state, ready for the next call.
            return signature.verify(EcdsaP256.rawToDer(sig64));
        } catch (GeneralSecurityException | RuntimeException e) {
            perThread.remove(); // state unknown after a failure; a bad signature is just false
            return false;
        }
    }

    private static Signature init(Provider provider, PublicKey key) {
        Signature signature = Es256.newSignature(provider);
        try {
            signature.initVerify(key);
        } catch (GeneralSecurityException e) {
            throw new PassportException(Reason.UNSUPPORTED_CREDENTIAL, provider.getName()
                    + " refuses the public key: " + e.getMessage());
        }
        return signature;
    }
}
