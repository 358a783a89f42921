package io.callsign.credentials;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Base64;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and PEM files for credentials tests. */
final class TestPki {

    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private TestPki() {
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for any key type, valid in [notBefore, notAfter]. */
    static X509Certificate selfSigned(KeyPair keys, String commonName, Instant notBefore, Instant notAfter) {
        String algorithm = switch (keys.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            default -> "SHA256withECDSA";
        };
        try {
            X500Name name = new X500Name("C=US, O=Test, CN=" + commonName);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(Long.MAX_VALUE), Date.from(notBefore),
                    Date.from(notAfter), name, keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A lab-profile chain (SHAKEN leaf for SPC 1001, then its root) and the leaf's key pair. */
    static Chain shakenChain(Instant now) {
        KeyPair root = LabCertificates.newP256KeyPair();
        X509Certificate rootCert = LabCertificates.root(root, now);
        KeyPair leaf = LabCertificates.newP256KeyPair();
        X509Certificate leafCert = LabCertificates.shakenLeaf(leaf.getPublic(), "1001", rootCert, root.getPrivate(), now);
        return new Chain(leaf, List.of(leafCert, rootCert));
    }

    /** Writes SEC1 {@code EC PRIVATE KEY} with the curve and public key inside, as {@code openssl ecparam -genkey} does. */
    static Path writeSec1Key(Path file, KeyPair keys) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            DERBitString publicKey = new DERBitString(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getOctets());
            var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, publicKey,
                    info.getPrivateKeyAlgorithm().getParameters());
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(sec1.getEncoded());
            return write(file, "-----BEGIN EC PRIVATE KEY-----\n" + base64 + "\n-----END EC PRIVATE KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes PKCS#8 {@code ENCRYPTED PRIVATE KEY} (AES-256-CBC). */
    static Path writeEncryptedKey(Path file, KeyPair keys) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider())
                    .setPassword("secret".toCharArray()).build();
            pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), encryptor));
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
        return write(file, text.toString());
    }

    /** Writes PKCS#8 {@code PRIVATE KEY}. */
    static Path writePkcs8Key(Path file, KeyPair keys) {
        PemFiles.writePrivateKey(file, keys.getPrivate());
        return file;
    }

    static Path writeCertificates(Path file, List<X509Certificate> chain) {
        PemFiles.writeCertificates(file, chain);
        return file;
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Chain(KeyPair leafKeys, List<X509Certificate> certificates) {
    }
}
