package io.callsign.certificates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM certificate blocks (RFC 7468) to certificates, in order. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private Pem() {
    }

    /**
     * Every CERTIFICATE block of {@code text}, in order; text outside the blocks is ignored
     * (RFC 7468 §2 allows explanatory text). Throws IllegalArgumentException naming the bad block.
     */
    static List<X509Certificate> certificates(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            certificates.add(decode(block.group(1), certificates.size() + 1));
        }
        return certificates;
    }

    /**
     * The chain of an x5u body, leaf first (X5U-05). A DER or HTML body, a bad block or too many
     * certificates is a {@link FailureKind#FETCH_FAILED}: no usable credential was obtained.
     */
    static List<X509Certificate> x5uChain(byte[] body, int maxChainLength, String label) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<X509Certificate> chain;
        try {
            chain = certificates(text);
        } catch (IllegalArgumentException e) {
            throw CredentialException.fetch(label + ": " + e.getMessage());
        }
        if (chain.isEmpty() && looksLikeDer(body)) {
            throw CredentialException.fetch(label + ": the body is DER, not a PEM chain; serve "
                    + "application/pem-certificate-chain (X5U-05)");
        }
        if (chain.isEmpty()) {
            throw CredentialException.fetch(label + ": the body holds no PEM certificate; it starts with '"
                    + HttpResponseReader.printable(text.strip()) + "' (X5U-05)");
        }
        if (chain.size() > maxChainLength) {
            throw CredentialException.fetch(label + ": the body holds " + chain.size() + " certificates, more "
                    + "than the limit of " + maxChainLength + " (CALLSIGN_X5U_MAX_CHAIN, X5U-08)");
        }
        return chain;
    }

    /** A SEQUENCE with a long-form length: how every DER certificate starts (30 82 ...). */
    private static boolean looksLikeDer(byte[] body) {
        return body.length > 2 && body[0] == 0x30 && (body[1] & 0xff) >= 0x81 && (body[1] & 0xff) <= 0x84;
    }

    /** Certificates of a PEM file, for settings; the message names the key and the file. */
    static List<X509Certificate> readFile(Path file, String settingKey) {
        try {
            List<X509Certificate> certificates = certificates(Files.readString(file, StandardCharsets.US_ASCII));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("holds no PEM CERTIFICATE block");
            }
            return certificates;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(settingKey + ": cannot read certificates from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    static String encode(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }

    private static X509Certificate decode(String base64, int index) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("certificate " + index + " is not valid base64");
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            // Trailing bytes after the DER structure would be silently dropped by the factory.
            if (certificate.getEncoded().length != der.length) {
                throw new IllegalArgumentException("certificate " + index + " has trailing bytes");
            }
            return certificate;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate " + index + " is not a valid X.509 certificate: "
                    + e.getMessage());
        }
    }
}
