package io.callsign.certificates;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a served chain into a {@link Credential}: EC P-256 leaf (CERT-04), a TNAuthList with exactly
 * one SPC (CERT-13/15), a PKIX path from the leaf to a configured anchor using only the served
 * certificates as intermediates (VER-22), and the ATIS profile lint. Validity is recorded as a window
 * instead of being judged at load time, so each call compares its own time (VER-07). Thread-safe.
 */
public final class ChainValidator {

    private static final ECParameterSpec P256 = p256();

    private final CertificatesConfig.Profile profile;
    private final Clock clock;

    public ChainValidator(CertificatesConfig.Profile profile, Clock clock) {
        this.profile = profile;
        this.clock = clock;
    }

    /**
     * @param chain          as served, leaf first, not empty
     * @param fetchWarnings  warnings from fetching, carried into the credential
     * @throws CredentialException {@link FailureKind#UNSUPPORTED} or {@link FailureKind#UNTRUSTED}
     */
    public Credential validate(String x5u, List<X509Certificate> chain, TrustAnchors.AnchorSet anchors,
                               List<String> fetchWarnings) {
        X509Certificate leaf = chain.get(0);
        ECPublicKey key = p256Key(x5u, leaf);
        String spc = singleSpc(x5u, leaf);
        PKIXCertPathBuilderResult built = new PathBuilder(x5u, chain, anchors).build(candidateDates(leaf));
        List<X509Certificate> path = built.getCertPath().getCertificates().stream()
                .map(X509Certificate.class::cast).toList();
        X509Certificate anchor = built.getTrustAnchor().getTrustedCert();
        List<String> warnings = new ArrayList<>(fetchWarnings);
        List<ProfileLint.Finding> findings = ProfileLint.check(path, anchor, spc);
        if (!findings.isEmpty() && profile == CertificatesConfig.Profile.STRICT) {
            throw new CredentialException(FailureKind.UNSUPPORTED, "x5u " + x5u + ": the chain fails the "
                    + "ATIS-1000080 profile (CALLSIGN_CERT_PROFILE=strict): " + findings);
        }
        findings.forEach(f -> warnings.add("profile: " + f));
        List<X509Certificate> all = Stream.concat(path.stream(), Stream.of(anchor)).toList();
        Instant notBefore = all.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
        Instant notAfter = all.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
        if (notBefore.isAfter(notAfter)) {
            throw new CredentialException(FailureKind.UNTRUSTED, "x5u " + x5u + ": the validity periods of the "
                    + "path do not overlap (latest notBefore " + notBefore + ", earliest notAfter " + notAfter + ")");
        }
        return new Credential(x5u, chain, path, anchor, key, spc, notBefore, notAfter,
                CertificateExtensions.crlUrl(leaf), warnings);
    }

    /**
     * PKIX checks dates at one instant; now is tried first, then the leaf's own bounds so that a
     * not-yet-valid or expired chain is still checked for signatures and reported by date per call.
     */
    private List<Date> candidateDates(X509Certificate leaf) {
        return List.of(Date.from(clock.instant()), leaf.getNotBefore(), leaf.getNotAfter());
    }

    private static ECPublicKey p256Key(String x5u, X509Certificate leaf) {
        PublicKey key = leaf.getPublicKey();
        if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
            return ec;
        }
        String found = key instanceof RSAPublicKey rsa ? "RSA " + rsa.getModulus().bitLength() + " bits"
                : key instanceof ECPublicKey ec ? "EC on a " + ec.getParams().getCurve().getField().getFieldSize()
                        + "-bit curve" : key.getAlgorithm();
        throw new CredentialException(FailureKind.UNSUPPORTED, "x5u " + x5u + ": the leaf key is " + found
                + "; SHAKEN requires EC P-256 (CERT-04)");
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve()) && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder());
    }

    private static String singleSpc(String x5u, X509Certificate leaf) {
        TnAuthList list;
        try {
            list = TnAuthList.of(leaf).orElseThrow(() -> unsupported(x5u,
                    "the leaf has no TNAuthList extension (" + TnAuthList.OID + ", CERT-13)"));
        } catch (IllegalArgumentException e) {
            throw unsupported(x5u, "the leaf's TNAuthList is malformed: " + e.getMessage() + " (CERT-15)");
        }
        List<String> spcs = list.spcs();
        if (spcs.size() != 1) {
            throw unsupported(x5u, "the leaf's TNAuthList holds " + spcs.size() + " SPCs; exactly one is required (CERT-13)");
        }
        return spcs.get(0);
    }

    private static CredentialException unsupported(String x5u, String why) {
        return new CredentialException(FailureKind.UNSUPPORTED, "x5u " + x5u + ": " + why);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks secp256r1", e);
        }
    }
}
