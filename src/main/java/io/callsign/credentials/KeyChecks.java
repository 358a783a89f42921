package io.callsign.credentials;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Checks on keys and chains shared by static, lab and TLS credentials. Stateless. */
final class KeyChecks {

    private static final ECParameterSpec P256 = p256();

    private KeyChecks() {
    }

    /** Why {@code key} is not an EC P-256 key (RFC 8225 §4.2 ES256, CERT-04), or empty when it is one. */
    static Optional<String> whyNotP256(PrivateKey key) {
        if (!(key instanceof ECKey ec)) {
            return Optional.of("it is an " + key.getAlgorithm() + " key");
        }
        ECParameterSpec params = ec.getParams();
        if (!params.getCurve().equals(P256.getCurve()) || !params.getOrder().equals(P256.getOrder())
                || !params.getGenerator().equals(P256.getGenerator())) {
            return Optional.of("it is an EC key on a " + params.getCurve().getField().getFieldSize()
                    + "-bit curve other than P-256");
        }
        return Optional.empty();
    }

    /** Whether {@code key} is the private half of {@code publicKey}: signs a random challenge and verifies it. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448 name their own signature algorithm
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // e.g. an RSA key against an EC certificate: not a match
        }
    }

    /** Why {@code certificate} is not valid at {@code now}, or empty when it is. */
    static Optional<String> whyNotValidAt(X509Certificate certificate, Instant now) {
        Date at = Date.from(now);
        if (at.after(certificate.getNotAfter())) {
            return Optional.of("expired at " + certificate.getNotAfter().toInstant());
        }
        if (at.before(certificate.getNotBefore())) {
            return Optional.of("not valid before " + certificate.getNotBefore().toInstant());
        }
        return Optional.empty();
    }

    /** Why {@code chain} is not ordered leaf first, each certificate followed by its issuer; empty when it is. */
    static Optional<String> whyNotLeafFirst(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!chain.get(i).getIssuerX500Principal().equals(chain.get(i + 1).getSubjectX500Principal())) {
                return Optional.of("certificate " + (i + 2) + " (" + chain.get(i + 1).getSubjectX500Principal()
                        + ") did not issue certificate " + (i + 1) + " (" + chain.get(i).getSubjectX500Principal() + ")");
            }
        }
        return Optional.empty();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no P-256 (secp256r1) support", e);
        }
    }
}
