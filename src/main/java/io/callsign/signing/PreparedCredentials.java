package io.callsign.signing;

import io.callsign.credentials.SigningCredentials;
import io.callsign.passport.Base64Url;
import io.callsign.passport.Es256;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ShakenClaims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What every Identity header signed with one set of credentials shares, computed once per set rather
 * than per call: the encoded protected header, the {@code ;info=<x5u>;alg=ES256;ppt=shaken} tail, the
 * provider-ready key and the leaf's validity. The canonical header, payload and parameter forms stay
 * {@link PassportCodec}'s and {@link IdentityHeaderCodec}'s; this class only avoids redoing them.
 * Immutable and thread-safe.
 *
 * @param source    the credentials these were prepared from (compared by identity on each call)
 * @param header    base64url of the canonical protected header (SIGN-01/02/04/10), ASCII bytes
 * @param tail      what follows the token in the Identity header (HDR-01, SIGN-04), ASCII bytes
 * @param signer    the key, prepared for the ES256 provider
 * @param notBefore the leaf's notBefore
 * @param notAfter  the leaf's notAfter
 */
record PreparedCredentials(SigningCredentials source, byte[] header, byte[] tail, Es256.Signer signer,
        Instant notBefore, Instant notAfter) {

    private static final int SIGNATURE_BYTES = 64;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** A syntactically valid token, only to learn the header tail from the one formatter. */
    private static final String PLACEHOLDER = "e30.e30.AA";

    static PreparedCredentials of(SigningCredentials credentials, Es256 es256) {
        byte[] header = B64URL.encode(PassportCodec.encodeHeader(credentials.x5u()).getBytes(StandardCharsets.UTF_8));
        byte[] tail = IdentityHeaderCodec.format(PLACEHOLDER, credentials.x5u()).substring(PLACEHOLDER.length())
                .getBytes(StandardCharsets.US_ASCII);
        return new PreparedCredentials(credentials, header, tail, es256.signerFor(credentials.key()),
                credentials.leaf().getNotBefore().toInstant(), credentials.leaf().getNotAfter().toInstant());
    }

    /**
     * The full Identity header value for {@code claims}: JWS Compact Serialization (RFC 7515 §7.1,
     * SIGN-11) of the canonical payload, a 64-byte R||S signature (SIGN-12), then {@link #tail}.
     */
    String identity(ShakenClaims claims) {
        byte[] payload = PassportCodec.encodePayload(claims).getBytes(StandardCharsets.UTF_8);
        // The whole header value is built in one array: the signing input is its first part.
        byte[] out = new byte[header.length + 1 + Base64Url.encodedLength(payload.length) + 1
                + Base64Url.encodedLength(SIGNATURE_BYTES) + tail.length];
        System.arraycopy(header, 0, out, 0, header.length);
        out[header.length] = '.';
        int signed = Base64Url.encode(payload, 0, payload.length, out, header.length + 1);
        byte[] signature = signer.sign(out, 0, signed);
        out[signed] = '.';
        int end = Base64Url.encode(signature, 0, signature.length, out, signed + 1);
        System.arraycopy(tail, 0, out, end, tail.length);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** SIGN-15: true when {@code t} is within the leaf's validity period. */
    boolean validAt(Instant t) {
        return !t.isBefore(notBefore) && !t.isAfter(notAfter);
    }
}
