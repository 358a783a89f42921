package io.callsign.acme;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests: a TLS certificate for 127.0.0.1/localhost and a tiny CA. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xffffffffL);

    private TestPki() {
    }

    /** A self-signed TLS server certificate for 127.0.0.1 and localhost, usable as its own trust anchor. */
    record Tls(KeyPair key, X509Certificate certificate) {
        Path writeCertificate(Path file) throws IOException {
            return Files.writeString(file, pem(certificate));
        }

        Path writeKey(Path file) throws IOException {
            return Files.writeString(file, PemCodec.privateKey(key.getPrivate()));
        }
    }

    static Tls localhostTls() throws Exception {
        KeyPair key = Keys.newP256();
        GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost")});
        X509v3CertificateBuilder builder = builder(new X500Name("CN=localhost"), new X500Name("CN=localhost"),
                key.getPublic(), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400));
        builder.addExtension(Extension.subjectAlternativeName, false, names);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return new Tls(key, sign(builder, key.getPrivate()));
    }

    /** A CA that issues P-256 leaves with chosen validity, for fakes of the issuer. */
    static final class Ca {
        final KeyPair key = Keys.newP256();
        final X509Certificate certificate;

        Ca(String name) throws Exception {
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + name),
                    key.getPublic(), Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z"));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key.getPublic()));
            certificate = sign(builder, key.getPrivate());
        }

        X509Certificate issue(PublicKey subjectKey, String subject, Instant notBefore, Instant notAfter,
                              Extension... extensions) throws Exception {
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(
                    certificate.getSubjectX500Principal().getEncoded()), new X500Name(subject), subjectKey, notBefore,
                    notAfter);
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            return sign(builder, key.getPrivate());
        }

        IssuedCertificate issued(Instant notBefore, Instant notAfter) throws Exception {
            KeyPair leafKey = Keys.newP256();
            return new IssuedCertificate(leafKey.getPrivate(),
                    List.of(issue(leafKey.getPublic(), "CN=sti.example.com", notBefore, notAfter), certificate));
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                    Instant notBefore, Instant notAfter) {
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(notBefore), Date.from(notAfter), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
