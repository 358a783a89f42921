package io.callsign.certificates;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/**
 * One PKIX path build from a served leaf (VER-22): intermediates come from the served chain, roots
 * only from the anchors, so a root that is merely served is never trusted.
 */
record PathBuilder(String x5u, List<X509Certificate> chain, TrustAnchors.AnchorSet anchors) {

    /** The first date at which a path validates; {@link FailureKind#UNTRUSTED} when none does. */
    PKIXCertPathBuilderResult build(List<Date> dates) {
        if (anchors.anchors().isEmpty()) {
            throw new CredentialException(FailureKind.UNTRUSTED, "x5u " + x5u + ": no trust anchors are "
                    + "loaded; set CALLSIGN_TRUST_ANCHORS to the STI-CA roots (CERT-17)");
        }
        GeneralSecurityException first = null;
        for (Date date : dates) {
            try {
                return buildAt(date);
            } catch (GeneralSecurityException e) {
                first = first == null ? e : first;
            }
        }
        throw new CredentialException(FailureKind.UNTRUSTED, "x5u " + x5u + ": no certification path from "
                + chain.get(0).getSubjectX500Principal().getName() + " to one of the " + anchors.anchors().size()
                + " trust anchors (" + first.getMessage() + ")" + hint() + " (VER-22)");
    }

    private PKIXCertPathBuilderResult buildAt(Date date) throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(chain.get(0));
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors.anchors(), target);
        // CERT-16 is checked against the CRL cache, outside PKIX, so the call path never fetches.
        parameters.setRevocationEnabled(false);
        parameters.setDate(date);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
        return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    private String hint() {
        if (chain.size() == 1) {
            return "; the body holds only the leaf: serve its intermediate after it";
        }
        return chain.stream().filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .findFirst().map(root -> "; the body carries the root " + root.getSubjectX500Principal().getName()
                        + ", which is not a configured anchor (roots come only from CALLSIGN_TRUST_ANCHORS)")
                .orElse("");
    }
}
