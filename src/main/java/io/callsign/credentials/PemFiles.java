package io.callsign.credentials;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM keys and certificates. Keys are written owner-only (0600, ACME-19) and
 * atomically, so a crash never leaves half a key behind. Failures are {@link IllegalArgumentException}s
 * whose message says what is wrong with the file, never its content.
 */
final class PemFiles {

    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemFiles() {
    }

    /** The first private key in {@code path}: PKCS#8 {@code PRIVATE KEY} or SEC1 {@code EC PRIVATE KEY}. */
    static PrivateKey privateKey(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
                if (block instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (block instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new IllegalArgumentException("the private key is encrypted; store it unencrypted with 0600 "
                            + "permissions (openssl pkey -in key.pem -out plain-key.pem)");
                }
                // Other blocks (EC PARAMETERS written by `openssl ecparam -genkey`, certificates) are skipped.
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read a PEM private key: " + e.getMessage());
        }
        throw new IllegalArgumentException("no '-----BEGIN PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----' block found");
    }

    /** Every certificate in {@code path}, in file order. */
    static List<X509Certificate> certificates(Path path) {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object block = pem.readObject(); block != null; block = pem.readObject()) {
                if (block instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read PEM certificates: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no '-----BEGIN CERTIFICATE-----' block found");
        }
        return chain;
    }

    /** {@code chain} as concatenated PEM {@code CERTIFICATE} blocks, in the given order. */
    static String certificatesPem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    static void writeCertificates(Path path, List<X509Certificate> chain) {
        writeAtomically(path, certificatesPem(chain), false);
    }

    /** Writes {@code key} as PKCS#8 PEM, readable by the owner only. */
    static void writePrivateKey(Path path, PrivateKey key) {
        writeAtomically(path, block("PRIVATE KEY", key.getEncoded()), true);
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writeAtomically(Path path, String text, boolean ownerOnly) {
        try {
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (ownerOnly && posix()) {
                // Created 0600 from the start: the key is never readable by others, not even briefly.
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.toAbsolutePath(), e);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
