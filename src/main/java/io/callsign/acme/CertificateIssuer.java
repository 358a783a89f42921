package io.callsign.acme;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Obtains certificates from a CA. {@link AcmeEnrolment} is the ACME implementation; the renewal
 * scheduler depends only on this interface. Implementations throw {@link AcmeFailure}.
 */
public interface CertificateIssuer {

    /**
     * Orders, proves, finalizes and downloads a new certificate with a fresh key.
     *
     * @param replacing the certificate being renewed (sent as ARI {@code replaces}), or null
     */
    IssuedCertificate issue(X509Certificate replacing);

    /** The CA's suggested renewal window for {@code certificate} (RFC 9773), if the CA offers ARI. */
    Optional<RenewalWindow> renewalWindow(X509Certificate certificate);

    /**
     * Whether {@code leaf} certifies what this issuer would order now (the domain, or the SPC). A
     * stored certificate that does not is replaced rather than installed.
     */
    default boolean matches(X509Certificate leaf) {
        return true;
    }
}
