package io.callsign.certificates;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The ATIS-1000080 §6.4.1 STI certificate profile (CERT-01..03, 05..14) as a lint over a validated
 * path: it reports, the configured profile decides (warn or 437). Checks the leaf and the
 * intermediates; the trust anchor is the operator's choice and is not linted. Longer than usual
 * because it is a flat list of independent rules, each citing its ID.
 */
final class ProfileLint {

    /** One broken rule on one certificate. */
    record Finding(String rule, String subject, String problem) {
        @Override
        public String toString() {
            return rule + " " + subject + ": " + problem;
        }
    }

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ECDSA_SHA384 = "1.2.840.10045.4.3.3";
    private static final String SHAKEN_CP_PREFIX = "2.16.840.1.114569.1.1.";
    private static final Set<String> SPECIFIED = Set.of(Extension.basicConstraints.getId(),
            Extension.keyUsage.getId(), Extension.subjectKeyIdentifier.getId(),
            Extension.authorityKeyIdentifier.getId(), Extension.certificatePolicies.getId(),
            Extension.cRLDistributionPoints.getId(), TnAuthList.OID);

    private final List<Finding> findings = new ArrayList<>();

    private ProfileLint() {
    }

    /** @param path leaf first, without the anchor; {@code anchor} issues the last element */
    static List<Finding> check(List<X509Certificate> path, X509Certificate anchor, String spc) {
        ProfileLint lint = new ProfileLint();
        for (int i = 0; i < path.size(); i++) {
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            lint.common(path.get(i), issuer, i > 0);
            if (i == 0) {
                lint.leaf(path.get(0), spc);
            } else {
                lint.intermediate(path.get(i));
            }
        }
        return List.copyOf(lint.findings);
    }

    private void common(X509Certificate c, X509Certificate issuer, boolean ca) {
        require(c.getVersion() == 3, "CERT-01", c, "version is v" + c.getVersion() + ", not v3");
        require(c.getSerialNumber().signum() > 0, "CERT-02", c, "serial number is not positive");
        require(c.getSerialNumber().toByteArray().length >= 8, "CERT-02", c, "serial number is shorter than 64 bits");
        boolean sigOk = c.getSigAlgOID().equals(ECDSA_SHA256) || (ca && c.getSigAlgOID().equals(ECDSA_SHA384));
        require(sigOk, "CERT-03", c, "signature algorithm " + c.getSigAlgName() + " is not ecdsa-with-SHA256");
        subjectNames(c);
        require(CertificateExtensions.critical(c, Extension.basicConstraints), "CERT-07", c,
                "basicConstraints is absent or not critical");
        require(CertificateExtensions.critical(c, Extension.keyUsage), "CERT-08", c, "keyUsage is absent or not critical");
        keyIdentifiers(c, issuer);
        policies(c);
        distributionPoints(c);
        CertificateExtensions.extensionOids(c).stream().filter(oid -> !SPECIFIED.contains(oid)).forEach(oid ->
                add("CERT-14", c, "extension " + oid + " is not specified by the SHAKEN profile"));
    }

    private void leaf(X509Certificate c, String spc) {
        require(c.getBasicConstraints() == -1, "CERT-07", c, "an end-entity certificate must have CA=false");
        boolean[] usage = Optional.ofNullable(c.getKeyUsage()).orElse(new boolean[0]);
        require(onlyBits(usage, Set.of(0)) && bit(usage, 0), "CERT-08", c, "keyUsage must be digitalSignature only");
        String cn = CertificateExtensions.subject(c, BCStyle.CN).orElse("");
        require(cn.equals("SHAKEN " + spc), "CERT-06", c, "CN '" + cn + "' is not 'SHAKEN " + spc + "'");
        require(spc.matches("[0-9A-Z]+"), "CERT-13", c, "SPC '" + spc + "' is not digits and uppercase letters");
        TnAuthList.of(c).ifPresent(list -> require(list.entries().size() == 1, "CERT-13", c,
                "TNAuthList holds TN or range entries besides the SPC"));
    }

    private void intermediate(X509Certificate c) {
        require(c.getBasicConstraints() >= 0, "CERT-07", c, "a CA certificate must have CA=true");
        boolean[] usage = Optional.ofNullable(c.getKeyUsage()).orElse(new boolean[0]);
        require(bit(usage, 5) && onlyBits(usage, Set.of(0, 5, 6)), "CERT-08", c,
                "keyUsage must be keyCertSign, optionally with digitalSignature and cRLSign");
        require(c.getExtensionValue(TnAuthList.OID) == null, "CERT-13", c, "a CA certificate must not carry TNAuthList");
    }

    private void subjectNames(X509Certificate c) {
        Optional<String> country = CertificateExtensions.subject(c, BCStyle.C);
        require(country.filter(v -> v.matches("[A-Z]{2}")).isPresent(), "CERT-05", c,
                "subject has no ISO 3166 two-letter C");
        require(CertificateExtensions.subject(c, BCStyle.O).isPresent(), "CERT-05", c, "subject has no O");
        Optional<String> cn = CertificateExtensions.subject(c, BCStyle.CN);
        require(cn.filter(v -> v.toUpperCase(Locale.ROOT).contains("SHAKEN")).isPresent(), "CERT-06", c,
                "subject CN does not contain SHAKEN");
    }

    private void keyIdentifiers(X509Certificate c, X509Certificate issuer) {
        Optional<byte[]> ski = CertificateExtensions.subjectKeyId(c);
        require(ski.isPresent(), "CERT-09", c, "subjectKeyIdentifier is absent");
        ski.ifPresent(id -> require(Arrays.equals(id, CertificateExtensions.sha1KeyId(c)), "CERT-09", c,
                "subjectKeyIdentifier is not the SHA-1 of the public key"));
        Optional<byte[]> aki = CertificateExtensions.authorityKeyId(c);
        require(aki.isPresent(), "CERT-10", c, "authorityKeyIdentifier with a keyIdentifier is absent");
        Optional<byte[]> issuerSki = CertificateExtensions.subjectKeyId(issuer);
        aki.ifPresent(id -> require(issuerSki.filter(s -> Arrays.equals(s, id)).isPresent(), "CERT-10", c,
                "authorityKeyIdentifier does not match the issuer's subjectKeyIdentifier"));
    }

    private void policies(X509Certificate c) {
        List<String> oids = CertificateExtensions.policyOids(c);
        require(oids.size() == 1 && oids.get(0).startsWith(SHAKEN_CP_PREFIX), "CERT-11", c,
                "certificatePolicies must hold exactly one SHAKEN policy (" + SHAKEN_CP_PREFIX + "x), found " + oids);
        require(!CertificateExtensions.critical(c, Extension.certificatePolicies), "CERT-11", c,
                "certificatePolicies must not be critical");
    }

    private void distributionPoints(X509Certificate c) {
        List<DistributionPoint> points = CertificateExtensions.distributionPoints(c);
        require(points.size() == 1, "CERT-12", c, "must carry exactly one CRL distribution point, found " + points.size());
        if (points.size() == 1) {
            require(!CertificateExtensions.urls(points.get(0)).isEmpty(), "CERT-12", c,
                    "the CRL distribution point has no http URL");
            require(points.get(0).getCRLIssuer() != null, "CERT-12", c, "the CRL distribution point has no cRLIssuer");
        }
    }

    private static boolean bit(boolean[] bits, int index) {
        return index < bits.length && bits[index];
    }

    private static boolean onlyBits(boolean[] bits, Set<Integer> allowed) {
        for (int i = 0; i < bits.length; i++) {
            if (bits[i] && !allowed.contains(i)) {
                return false;
            }
        }
        return true;
    }

    private void require(boolean ok, String rule, X509Certificate c, String problem) {
        if (!ok) {
            add(rule, c, problem);
        }
    }

    private void add(String rule, X509Certificate c, String problem) {
        findings.add(new Finding(rule, c.getSubjectX500Principal().getName(), problem));
    }
}
