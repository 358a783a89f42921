package io.callsign.acme;

import java.net.URI;
import java.util.Objects;

/**
 * Settings for tkauth-01 (RFC 9447/9448, ATIS-1000080): where the SPC token comes from and the
 * three interop choices that differ between the RFC and deployed STI-CAs (CONFORMANCE §9 items 3-5).
 *
 * @param tokenApi    the STI-PA token API (https), POSTed an {@code atc} object (ACME-10)
 * @param spc         our Service Provider Code, e.g. {@code 1234}
 * @param user        STI-PA user for HTTP Basic authentication, or null
 * @param password    STI-PA password, or null; never logged
 * @param bearerToken STI-PA bearer token used instead of user/password, or null; never logged
 * @param fingerprint how {@code atc.fingerprint} is computed from the account key (ACME-11)
 * @param encoding    how the DER TNAuthList is encoded in the identifier and {@code atc.tkvalue} (ACME-07)
 * @param field       the member carrying the token in the challenge response (ACME-09)
 */
public record TkauthSettings(URI tokenApi, String spc, String user, String password, String bearerToken,
                             FingerprintForm fingerprint, IdentifierEncoding encoding, ResponseField field) {

    /** ACME-11: RFC 9448 §5.4 uses the RFC 7638 JWK thumbprint; vermouth hashes the SPKI DER. */
    public enum FingerprintForm { JWK_THUMBPRINT, SPKI }

    /** ACME-07: RFC 9448 §3 says base64url without padding; vermouth sends padded base64. */
    public enum IdentifierEncoding { BASE64URL, BASE64 }

    /** ACME-09: RFC 9448 §4 answers with {@code {"tkauth": token}}; ATIS deployments with {@code atc}. */
    public enum ResponseField {
        TKAUTH("tkauth"), ATC("atc");

        private final String member;

        ResponseField(String member) {
            this.member = member;
        }

        public String member() {
            return member;
        }
    }

    public TkauthSettings {
        Objects.requireNonNull(tokenApi, "tokenApi");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(field, "field");
        if (!"https".equalsIgnoreCase(tokenApi.getScheme())) {
            throw new IllegalArgumentException("CALLSIGN_ACME_TKAUTH_TOKEN_URL must be an https URL (it carries"
                    + " STI-PA credentials), got " + tokenApi);
        }
        if (spc == null || !spc.matches("[0-9A-Za-z]{1,16}")) {
            throw new IllegalArgumentException("CALLSIGN_ACME_TKAUTH_SPC must be the Service Provider Code"
                    + " (letters and digits, e.g. 1234), got '" + spc + "'");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("CALLSIGN_ACME_TKAUTH_USER and CALLSIGN_ACME_TKAUTH_PASSWORD"
                    + " go together: set both or neither");
        }
    }

    /** RFC defaults: JWK thumbprint, base64url, {@code tkauth}; no STI-PA credentials. */
    public static TkauthSettings of(URI tokenApi, String spc) {
        return new TkauthSettings(tokenApi, spc, null, null, null,
                FingerprintForm.JWK_THUMBPRINT, IdentifierEncoding.BASE64URL, ResponseField.TKAUTH);
    }

    public TkauthSettings withBasicAuth(String newUser, String newPassword) {
        return new TkauthSettings(tokenApi, spc, newUser, newPassword, bearerToken, fingerprint, encoding, field);
    }

    public TkauthSettings withBearerToken(String token) {
        return new TkauthSettings(tokenApi, spc, user, password, token, fingerprint, encoding, field);
    }

    /** The vermouth/ATIS interop profile: SPKI fingerprint, padded base64, {@code atc}. */
    public TkauthSettings withProfile(FingerprintForm form, IdentifierEncoding enc, ResponseField member) {
        return new TkauthSettings(tokenApi, spc, user, password, bearerToken, form, enc, member);
    }

    @Override
    public String toString() {
        return "TkauthSettings[tokenApi=" + tokenApi + ", spc=" + spc + ", user=" + user
                + ", password=" + (password == null ? "none" : "(hidden)")
                + ", bearerToken=" + (bearerToken == null ? "none" : "(hidden)")
                + ", fingerprint=" + fingerprint + ", encoding=" + encoding + ", field=" + field + "]";
    }
}
