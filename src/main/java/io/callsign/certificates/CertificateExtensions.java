package io.callsign.certificates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Read access to the X.509 fields the SHAKEN profile cares about, decoded with Bouncy Castle ASN.1. */
final class CertificateExtensions {

    private CertificateExtensions() {
    }

    static Optional<byte[]> value(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        return wrapped == null ? Optional.empty() : Optional.of(ASN1OctetString.getInstance(wrapped).getOctets());
    }

    static boolean critical(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        return critical != null && critical.contains(oid.getId());
    }

    static Set<String> extensionOids(X509Certificate certificate) {
        Set<String> all = new HashSet<>();
        Optional.ofNullable(certificate.getCriticalExtensionOIDs()).ifPresent(all::addAll);
        Optional.ofNullable(certificate.getNonCriticalExtensionOIDs()).ifPresent(all::addAll);
        return all;
    }

    static List<DistributionPoint> distributionPoints(X509Certificate certificate) {
        return value(certificate, Extension.cRLDistributionPoints)
                .map(v -> List.of(CRLDistPoint.getInstance(v).getDistributionPoints())).orElse(List.of());
    }

    /** The http(s) URLs in a distribution point's fullName. */
    static List<String> urls(DistributionPoint point) {
        DistributionPointName name = point.getDistributionPoint();
        if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
            return List.of();
        }
        return Arrays.stream(GeneralNames.getInstance(name.getName()).getNames())
                .filter(n -> n.getTagNo() == GeneralName.uniformResourceIdentifier)
                .map(n -> DERIA5String.getInstance(n.getName()).getString())
                .filter(u -> u.startsWith("http://") || u.startsWith("https://"))
                .toList();
    }

    /** The first URL of the first distribution point: where the leaf's CRL lives (CERT-12). */
    static Optional<String> crlUrl(X509Certificate certificate) {
        return distributionPoints(certificate).stream().flatMap(p -> urls(p).stream()).findFirst();
    }

    static Optional<byte[]> subjectKeyId(X509Certificate certificate) {
        return value(certificate, Extension.subjectKeyIdentifier)
                .map(v -> SubjectKeyIdentifier.getInstance(v).getKeyIdentifier());
    }

    static Optional<byte[]> authorityKeyId(X509Certificate certificate) {
        return value(certificate, Extension.authorityKeyIdentifier)
                .map(v -> AuthorityKeyIdentifier.getInstance(v).getKeyIdentifier());
    }

    /** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING (CERT-09). */
    static byte[] sha1KeyId(X509Certificate certificate) {
        byte[] key = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded())
                .getPublicKeyData().getBytes();
        try {
            return MessageDigest.getInstance("SHA-1").digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    static List<String> policyOids(X509Certificate certificate) {
        return value(certificate, Extension.certificatePolicies)
                .map(v -> Arrays.stream(CertificatePolicies.getInstance(v).getPolicyInformation())
                        .map(PolicyInformation::getPolicyIdentifier).map(ASN1ObjectIdentifier::getId).toList())
                .orElse(List.of());
    }

    /** The first value of one subject attribute, e.g. BCStyle.CN. */
    static Optional<String> subject(X509Certificate certificate, ASN1ObjectIdentifier attribute) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(attribute);
        return rdns.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
    }
}
