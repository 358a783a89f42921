package io.callsign.certificates;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A SHAKEN test PKI built with Bouncy Castle: a root, an intermediate, leaves that follow the
 * ATIS-1000080 profile (TNAuthList SPC, critical basicConstraints and keyUsage, SKI/AKI, the SHAKEN
 * certificate policy, a CRL distribution point with cRLIssuer) and the broken variants tests need,
 * plus CRLs and web TLS certificates. Public so that other packages' tests can serve its chains.
 * Dates are fixed around {@link #NOW}; TLS certificates use real time because JSSE checks them
 * against the system clock.
 */
public final class TestPki {

    /** The instant test clocks start at; every default certificate is valid then. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    public static final String SPC = "1001";
    public static final String SHAKEN_CP = "2.16.840.1.114569.1.1.3";
    public static final ASN1ObjectIdentifier TN_AUTH_LIST = new ASN1ObjectIdentifier(TnAuthList.OID);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration DAY = Duration.ofDays(1);

    public enum KeyKind { P256, P384, RSA2048 }

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keyPair) {
        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }
    }

    /**
     * How to build a leaf; {@link #leafSpec()} gives a valid SHAKEN leaf, the withers break one thing.
     *
     * @param spc         the TNAuthList SPC, or null for a leaf without TNAuthList
     * @param tnAuthList  raw extension DER replacing the one built from {@code spc}, or null
     */
    public record LeafSpec(KeyKind key, Instant notBefore, Instant notAfter, String spc, byte[] tnAuthList,
                           String commonName, String crlUrl, boolean criticalBasicConstraints,
                           List<String> policies, boolean extraExtension) {
        public LeafSpec withKey(KeyKind value) {
            return new LeafSpec(value, notBefore, notAfter, spc, tnAuthList, commonName, crlUrl,
                    criticalBasicConstraints, policies, extraExtension);
        }

        public LeafSpec withValidity(Instant from, Instant to) {
            return new LeafSpec(key, from, to, spc, tnAuthList, commonName, crlUrl, criticalBasicConstraints,
                    policies, extraExtension);
        }

        /** Also sets the CN to {@code SHAKEN <spc>} so the leaf stays profile-clean. */
        public LeafSpec withSpc(String value) {
            return new LeafSpec(key, notBefore, notAfter, value, tnAuthList, "SHAKEN " + value, crlUrl,
                    criticalBasicConstraints, policies, extraExtension);
        }

        public LeafSpec withoutTnAuthList() {
            return new LeafSpec(key, notBefore, notAfter, null, null, commonName, crlUrl, criticalBasicConstraints,
                    policies, extraExtension);
        }

        public LeafSpec withTnAuthListDer(byte[] der) {
            return new LeafSpec(key, notBefore, notAfter, spc, der, commonName, crlUrl, criticalBasicConstraints,
                    policies, extraExtension);
        }

        public LeafSpec withCommonName(String value) {
            return new LeafSpec(key, notBefore, notAfter, spc, tnAuthList, value, crlUrl, criticalBasicConstraints,
                    policies, extraExtension);
        }

        /** null for a leaf without CRL distribution point. */
        public LeafSpec withCrlUrl(String value) {
            return new LeafSpec(key, notBefore, notAfter, spc, tnAuthList, commonName, value,
                    criticalBasicConstraints, policies, extraExtension);
        }

        public LeafSpec withNonCriticalBasicConstraints() {
            return new LeafSpec(key, notBefore, notAfter, spc, tnAuthList, commonName, crlUrl, false, policies,
                    extraExtension);
        }

        public LeafSpec withPolicies(String... oids) {
            return new LeafSpec(key, notBefore, notAfter, spc, tnAuthList, commonName, crlUrl,
                    criticalBasicConstraints, List.of(oids), extraExtension);
        }

        /** Adds an extended key usage extension, which the SHAKEN profile does not specify (CERT-14). */
        public LeafSpec withExtraExtension() {
            return new LeafSpec(key, notBefore, notAfter, spc, tnAuthList, commonName, crlUrl,
                    criticalBasicConstraints, policies, true);
        }
    }

    private final Issued root;
    private final Issued intermediate;
    private final String crlUrl;
    private Issued defaultLeaf;

    private TestPki(Issued root, Issued intermediate, String crlUrl) {
        this.root = root;
        this.intermediate = intermediate;
        this.crlUrl = crlUrl;
    }

    /** A new PKI whose leaves point at {@code http://crl.test/sti.crl}. */
    public static TestPki create() {
        return create("http://crl.test/sti.crl");
    }

    /** A new PKI (fresh keys: its root trusts nothing of another instance). */
    public static TestPki create(String crlUrl) {
        KeyPair rootKeys = keyPair(KeyKind.P256);
        X500Name rootName = name("SHAKEN Test ROOT");
        Issued root = certificate(rootName, rootKeys, rootName, rootKeys, NOW.minus(DAY.multipliedBy(365)),
                NOW.plus(DAY.multipliedBy(3650)), builder -> ca(builder, null, null));
        KeyPair intermediateKeys = keyPair(KeyKind.P256);
        Issued intermediate = certificate(name("SHAKEN Test Intermediate"), intermediateKeys, rootName, rootKeys,
                NOW.minus(DAY.multipliedBy(180)), NOW.plus(DAY.multipliedBy(1825)),
                builder -> ca(builder, crlUrl, rootName));
        return new TestPki(root, intermediate, crlUrl);
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    /** A valid SHAKEN leaf: P-256, SPC {@link #SPC}, valid from NOW-1d to NOW+365d. */
    public LeafSpec leafSpec() {
        return new LeafSpec(KeyKind.P256, NOW.minus(DAY), NOW.plus(DAY.multipliedBy(365)), SPC, null,
                "SHAKEN " + SPC, crlUrl, true, List.of(SHAKEN_CP), false);
    }

    /** The default valid leaf, built once per PKI. */
    public synchronized Issued leaf() {
        if (defaultLeaf == null) {
            defaultLeaf = leaf(leafSpec());
        }
        return defaultLeaf;
    }

    public Issued leaf(LeafSpec spec) {
        KeyPair keys = keyPair(spec.key());
        X500Name issuer = X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded());
        return certificate(name(spec.commonName()), keys, issuer, intermediate.keyPair(),
                spec.notBefore(), spec.notAfter(), builder -> leafExtensions(builder, spec, issuer));
    }

    /** Leaf then intermediate, as an x5u serves it. */
    public List<X509Certificate> chain(Issued leaf) {
        return List.of(leaf.certificate(), intermediate.certificate());
    }

    public String chainPem(Issued leaf) {
        return pem(chain(leaf));
    }

    public static String pem(X509Certificate... certificates) {
        return pem(List.of(certificates));
    }

    public static String pem(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append(Pem.encode(certificate));
        }
        return text.toString();
    }

    /** Writes this PKI's root as a PEM trust anchor file. */
    public Path writeRoot(Path file) {
        try {
            return Files.writeString(file, pem(root.certificate()), StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DER CRL signed by the intermediate (the leaves' issuer) listing {@code revoked} serials. */
    public byte[] crl(Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
        X500Name issuer = X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            return builder.build(signer(intermediate.keyPair())).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed CA for web TLS (not SHAKEN), valid around the real current time. */
    public static Issued tlsCa() {
        KeyPair keys = keyPair(KeyKind.P256);
        X500Name dn = new X500Name("CN=Callsign Test Web CA,O=Callsign Test,C=US");
        Instant now = Instant.now();
        return certificate(dn, keys, dn, keys, now.minus(DAY), now.plus(DAY.multipliedBy(30)),
                builder -> ca(builder, null, null));
    }

    /** A TLS server certificate for {@code dnsNames} and {@code ipAddresses}, issued by {@code ca}. */
    public static Issued tlsServer(Issued ca, List<String> dnsNames, List<String> ipAddresses) {
        KeyPair keys = keyPair(KeyKind.P256);
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        Instant now = Instant.now();
        return certificate(new X500Name("CN=" + dnsNames.get(0)), keys, issuer, ca.keyPair(),
                now.minus(DAY), now.plus(DAY.multipliedBy(30)), builder -> {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                });
    }

    /** DER of a TNAuthList with one SPC, EXPLICIT [0] as RFC 8226 requires. */
    public static byte[] tnAuthListDer(String spc) {
        try {
            return new DERSequence(new DERTaggedObject(true, 0, new DERIA5String(spc))).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair keyPair(KeyKind kind) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(kind == KeyKind.RSA2048 ? "RSA" : "EC");
            switch (kind) {
                case P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                case P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"));
                case RSA2048 -> generator.initialize(2048);
                default -> throw new IllegalArgumentException(kind.name());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void leafExtensions(X509v3CertificateBuilder builder, LeafSpec spec, X500Name issuer) throws Exception {
        builder.addExtension(Extension.basicConstraints, spec.criticalBasicConstraints(), new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        if (!spec.policies().isEmpty()) {
            builder.addExtension(Extension.certificatePolicies, false, policies(spec.policies()));
        }
        if (spec.crlUrl() != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(spec.crlUrl(), issuer));
        }
        if (spec.tnAuthList() != null) {
            builder.addExtension(TN_AUTH_LIST, false, spec.tnAuthList());
        } else if (spec.spc() != null) {
            builder.addExtension(TN_AUTH_LIST, false, tnAuthListDer(spec.spc()));
        }
        if (spec.extraExtension()) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
    }

    private static void ca(X509v3CertificateBuilder builder, String crlUrl, X500Name crlIssuer) throws Exception {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        if (crlUrl != null) {
            builder.addExtension(Extension.certificatePolicies, false, policies(List.of(SHAKEN_CP)));
            builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(crlUrl, crlIssuer));
        }
    }

    private static CertificatePolicies policies(List<String> oids) {
        return new CertificatePolicies(oids.stream()
                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid))).toArray(PolicyInformation[]::new));
    }

    private static CRLDistPoint distributionPoint(String url, X500Name crlIssuer) {
        DistributionPointName where = new DistributionPointName(
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(where, null, new GeneralNames(new GeneralName(crlIssuer)))});
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static Issued certificate(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys,
                                      Instant from, Instant to, Extensions extensions) {
        try {
            BigInteger serial = new BigInteger(64, RANDOM).setBit(63);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from),
                    Date.from(to), subject, keys.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            extensions.add(builder);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(signer(issuerKeys)));
            return new Issued(certificate, keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test certificate " + subject, e);
        }
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500Name("CN=" + commonName + ",O=Callsign Test,C=US");
    }
}
