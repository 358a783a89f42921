package io.callsign.acme;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (leaf first) with the private key of its leaf, as issued by the CA. The key is
 * checked against the leaf on construction, so a torn pair (new key, old chain) cannot exist.
 * Immutable; {@link #toString()} omits the key.
 */
public record IssuedCertificate(PrivateKey key, List<X509Certificate> chain) {

    public IssuedCertificate {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an issued certificate needs at least the leaf");
        }
        requireMatchingKey(key, chain.get(0));
    }

    /** Parses what {@link #toPem()} wrote: one PKCS#8 private key and the chain, leaf first. */
    public static IssuedCertificate fromPem(String pem) {
        return PemCodec.readCredentials(pem);
    }

    /** The key (PKCS#8) followed by the chain, leaf first; secret, store with 0600. */
    public String toPem() {
        return PemCodec.privateKey(key) + chainPem();
    }

    /** The chain alone, leaf first, as published at the x5u URL; never contains the key (ACME-19). */
    public String chainPem() {
        return PemCodec.certificates(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    public Instant notBefore() {
        return leaf().getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return leaf().getNotAfter().toInstant();
    }

    /** True when both hold the same leaf certificate. */
    public boolean sameLeaf(IssuedCertificate other) {
        return other != null && leaf().equals(other.leaf());
    }

    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + leaf().getSubjectX500Principal().getName()
                + ", serial=" + leaf().getSerialNumber().toString(16) + ", notAfter=" + notAfter() + "]";
    }

    // ACME-14: "the leaf key equals the CSR key"; signing a nonce proves the pair without comparing
    // key encodings across providers.
    private static void requireMatchingKey(PrivateKey key, X509Certificate leaf) {
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("the private key does not belong to the leaf certificate "
                        + leaf.getSubjectX500Principal().getName() + " (serial " + leaf.getSerialNumber().toString(16) + ")");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot check the private key against the leaf certificate "
                    + leaf.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }
}
