package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * ACME-11 on a fixed P-256 key. The expected values were computed outside Java: the SPKI digest with
 * {@code openssl dgst -sha256} over the DER public key, the thumbprint as SHA-256 over the RFC 7638
 * canonical JWK {@code {"crv":"P-256","kty":"EC","x":"EIUz7wxH...","y":"h5sSzv-5..."}}.
 */
class AccountFingerprintTest {

    private static final String SPKI_BASE64 =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEIUz7wxHlBElgS8i7t0jLj/+qSOx"
            + "GFC2gK/1M/VRdlGHmxLO/7lJqYNZs2mfSfAmt7gymXlCvPU7JjQg689Vyg==";

    @Test
    void jwkThumbprintIsTheRfcDefault() throws Exception {
        assertThat(AccountFingerprint.of(fixedKey(), TkauthSettings.FingerprintForm.JWK_THUMBPRINT))
                .isEqualTo("SHA256 C5:B5:AC:2A:ED:CA:A7:12:FD:94:57:0C:C2:CC:C6:7A:"
                        + "FB:3C:4A:BB:D8:20:F4:FB:D4:1C:F9:2A:C7:B2:28:4B");
    }

    @Test
    void spkiFormHashesTheSubjectPublicKeyInfo() throws Exception {
        assertThat(AccountFingerprint.of(fixedKey(), TkauthSettings.FingerprintForm.SPKI))
                .isEqualTo("SHA256 4F:CA:5D:8F:CE:20:58:84:E9:EB:56:AF:75:67:B5:E4:"
                        + "EA:82:7D:45:73:5B:19:5B:FE:0C:71:9A:77:9C:45:99");
    }

    private static PublicKey fixedKey() throws Exception {
        return KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(SPKI_BASE64)));
    }
}
