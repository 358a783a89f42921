package io.callsign.acme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Locale;

import org.shredzone.acme4j.toolbox.JoseUtils;

/**
 * ACME-11: {@code atc.fingerprint}, which binds the SPC token to our ACME account key, written
 * {@code "SHA256 AA:BB:..."} (RFC 9448 §5.4). Pure.
 */
final class AccountFingerprint {

    private AccountFingerprint() {
    }

    static String of(PublicKey accountKey, TkauthSettings.FingerprintForm form) {
        byte[] digest = switch (form) {
            // RFC 9448 §5.4 via RFC 8555 §8.1: the RFC 7638 JWK thumbprint, itself a SHA-256
            case JWK_THUMBPRINT -> JoseUtils.thumbprint(accountKey);
            // vermouth and some ATIS deployments: SHA-256 over the SubjectPublicKeyInfo DER
            case SPKI -> sha256(accountKey.getEncoded());
        };
        return "SHA256 " + HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
