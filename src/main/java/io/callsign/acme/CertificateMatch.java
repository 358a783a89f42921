package io.callsign.acme;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Whether a certificate certifies the identifier we order: the DNS name (http-01, dns-01) or the
 * TNAuthList with our SPC (tkauth-01). Pure.
 */
final class CertificateMatch {

    /** RFC 5280 §4.2.1.6: GeneralName tag of a dNSName. */
    private static final int DNS_NAME = 2;

    private CertificateMatch() {
    }

    static boolean matches(AcmeConfig config, X509Certificate leaf) {
        return switch (config.challenge()) {
            case HTTP_01, DNS_01 -> namesDomain(leaf, config.domain());
            case TKAUTH_01 -> holdsTnAuthList(leaf, TnAuthList.der(config.tkauth().spc()));
        };
    }

    static boolean namesDomain(X509Certificate leaf, String domain) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            return names != null && names.stream()
                    .anyMatch(name -> Integer.valueOf(DNS_NAME).equals(name.get(0))
                            && domain.equalsIgnoreCase(String.valueOf(name.get(1))));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    // RFC 8226 §9: the extension value is the DER TNAuthorizationList, wrapped in an OCTET STRING.
    static boolean holdsTnAuthList(X509Certificate leaf, byte[] expectedDer) {
        byte[] wrapped = leaf.getExtensionValue(TnAuthList.OID.getId());
        if (wrapped == null) {
            return false;
        }
        try {
            return Arrays.equals(ASN1OctetString.getInstance(wrapped).getOctets(), expectedDer);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
