package io.callsign.credentials;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the lab certificates to the ATIS-1000080 §6.4.1 profile (CERT-01..15): v3, P-256 keys,
 * ecdsa-with-SHA256, positive serials of 127 bits, C/O/CN subjects, critical basicConstraints and
 * keyUsage, SHA-1 SKI and a keyIdentifier-only AKI. Stateless apart from the random source.
 * Longer than most classes on purpose: the three profiles are easier to audit side by side.
 */
final class LabCertificates {

    static final String ROOT_CN = "Callsign Lab STI Root";
    /** SHAKEN certificate policy, US CP v1.3 (CERT-11). */
    static final ASN1ObjectIdentifier SHAKEN_POLICY = new ASN1ObjectIdentifier("2.16.840.1.114569.1.1.3");
    static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    /** Back-dating tolerates verifiers whose clock is a little behind ours. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private LabCertificates() {
    }

    static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate P-256 keys", e);
        }
    }

    /** Self-signed root: CA, keyCertSign only (v005), SKI, no AKI, no policy, no TNAuthList (CERT-11, CERT-13). */
    static X509Certificate root(KeyPair root, Instant now) {
        X500Name name = name(ROOT_CN);
        X509v3CertificateBuilder builder = builder(name, name, root.getPublic(), now, ROOT_VALIDITY);
        return sign(builder, root.getPrivate(), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(root.getPublic()));
        });
    }

    /** SHAKEN end-entity: CN "SHAKEN <SPC>" and a one-SPC TNAuthList (CERT-06, CERT-13, CERT-15). */
    static X509Certificate shakenLeaf(PublicKey leaf, String spc, X509Certificate root, PrivateKey rootKey, Instant now) {
        X509v3CertificateBuilder builder = builder(issuer(root), name("SHAKEN " + spc), leaf, now, LEAF_VALIDITY);
        return sign(builder, rootKey, b -> {
            endEntity(b, leaf, root, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.certificatePolicies, false,
                    new CertificatePolicies(new PolicyInformation(SHAKEN_POLICY)));
            b.addExtension(TnAuthList.OID, false, TnAuthList.encodeSpc(spc));
        });
    }

    /** HTTPS server certificate for the repository: SAN localhost, the lab host, 127.0.0.1 and ::1. */
    static X509Certificate tlsServer(PublicKey server, String labHost, X509Certificate root, PrivateKey rootKey, Instant now) {
        X509v3CertificateBuilder builder = builder(issuer(root), name(labHost), server, now, LEAF_VALIDITY);
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(hostName(labHost));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return sign(builder, rootKey, b -> {
            endEntity(b, server, root, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        });
    }

    /** A SAN entry for {@code host}: an iPAddress for IP literals, else a dNSName. */
    static GeneralName hostName(String host) {
        boolean ip = host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }

    private static void endEntity(X509v3CertificateBuilder b, PublicKey subject, X509Certificate root, KeyUsage usage)
            throws CertIOException {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, usage);
        b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(subject));
        // CERT-10: keyIdentifier only, equal to the root's SKI (both are the SHA-1 of the key).
        b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(root.getPublicKey()));
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now,
            Duration validity) {
        // CERT-02: positive, at least 64 bits; 127 random bits with the top one set keeps 16 DER octets.
        BigInteger serial = new BigInteger(127, RANDOM).setBit(126);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey, Extensions extensions) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot issue a lab certificate", e);
        }
    }

    /** CERT-05: C, O and CN. */
    static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "US")
                .addRDN(BCStyle.O, "Callsign Lab")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X500Name issuer(X509Certificate root) {
        return X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is needed for key identifiers (RFC 5280 §4.2.1.2)", e);
        }
    }

    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }
}
