package io.callsign.acme;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/** PEM in and out for keys and chains, through Bouncy Castle's parser. No I/O beyond strings. */
final class PemCodec {

    private PemCodec() {
    }

    static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PKCS#8 private key followed by the public key: the JDK's PKCS#8 omits the public point. */
    static String keyPair(KeyPair pair) {
        return privateKey(pair.getPrivate()) + write(pair.getPublic());
    }

    static String certificates(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        chain.forEach(certificate -> out.append(write(certificate)));
        return out.toString();
    }

    static KeyPair readKeyPair(String pem) {
        List<Object> objects = parse(pem);
        try {
            if (objects.size() == 1 && objects.get(0) instanceof PEMKeyPair) {
                return new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) objects.get(0));
            }
            if (objects.size() == 2 && objects.get(0) instanceof PrivateKeyInfo
                    && objects.get(1) instanceof SubjectPublicKeyInfo) {
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
                return new KeyPair(converter.getPublicKey((SubjectPublicKeyInfo) objects.get(1)),
                        converter.getPrivateKey((PrivateKeyInfo) objects.get(0)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable account key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("expected a PRIVATE KEY and a PUBLIC KEY block (or one EC PRIVATE KEY"
                + " with its public key) holding the account key pair");
    }

    static IssuedCertificate readCredentials(String pem) {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        for (Object object : parse(pem)) {
            if (object instanceof PrivateKeyInfo && key == null) {
                key = convertKey((PrivateKeyInfo) object);
            } else if (object instanceof PEMKeyPair && key == null) {
                key = convertKey(((PEMKeyPair) object).getPrivateKeyInfo());
            } else if (object instanceof X509CertificateHolder) {
                chain.add(convertCertificate((X509CertificateHolder) object));
            } else {
                throw new IllegalArgumentException("unexpected PEM block " + object.getClass().getSimpleName()
                        + ": expected one private key and certificates");
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("no private key in the stored credentials");
        }
        return new IssuedCertificate(key, chain);
    }

    static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Object object : parse(pem)) {
            if (!(object instanceof X509CertificateHolder)) {
                throw new IllegalArgumentException("expected only CERTIFICATE blocks, found "
                        + object.getClass().getSimpleName());
            }
            chain.add(convertCertificate((X509CertificateHolder) object));
        }
        return chain;
    }

    private static List<Object> parse(String pem) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    private static PrivateKey convertKey(PrivateKeyInfo info) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable private key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate convertCertificate(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("unreadable certificate: " + e.getMessage(), e);
        }
    }

    private static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (object instanceof PemObjectGenerator) {
                writer.writeObject((PemObjectGenerator) object);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
