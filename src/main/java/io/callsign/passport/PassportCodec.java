package io.callsign.passport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Objects;

/**
 * SHAKEN PASSporTs as JWS Compact Serialization (RFC 8225 §6, RFC 8588): canonical encoding and
 * signing for the STI-AS, strict decoding for the STI-VS ({@link #decode}). Stateless and thread-safe.
 */
public final class PassportCodec {

    /** Longest token {@link #decode} reads (SEC-09); a SHAKEN PASSporT is typically ~400 characters. */
    public static final int MAX_TOKEN_CHARS = 8192;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private PassportCodec() {
    }

    /**
     * The protected header, byte for byte {@code {"alg":"ES256","ppt":"shaken","typ":"passport","x5u":"…"}}
     * (SIGN-01, SIGN-02, SIGN-04, SIGN-10).
     */
    public static String encodeHeader(URI x5u) {
        if (x5u == null || !x5u.isAbsolute()) {
            throw new IllegalArgumentException("x5u '" + x5u + "' must be an absolute URI (RFC 8225 §4.3)");
        }
        StringBuilder json = new StringBuilder(96).append("{\"alg\":\"ES256\",\"ppt\":\"shaken\",\"typ\":\"passport\",\"x5u\":");
        return CanonicalJson.string(json, x5u.toASCIIString()).append('}').toString();
    }

    /**
     * The payload in RFC 8225 §9 canonical form: keys sorted, no whitespace, integer iat, {@code dest}
     * as {@code {"tn":[…]}} and {@code orig} as {@code {"tn":"…"}} (SIGN-05..10).
     */
    public static String encodePayload(ShakenClaims claims) {
        StringBuilder json = new StringBuilder(160).append("{\"attest\":");
        CanonicalJson.string(json, claims.attest()).append(",\"dest\":{\"tn\":[");
        for (int i = 0; i < claims.destTns().size(); i++) {
            CanonicalJson.string(i == 0 ? json : json.append(','), claims.destTns().get(i));
        }
        json.append("]},\"iat\":").append(claims.iat()).append(",\"orig\":{\"tn\":");
        CanonicalJson.string(json, claims.origTn()).append("},\"origid\":");
        return CanonicalJson.string(json, claims.origid()).append('}').toString();
    }

    /** The full-form PASSporT signed on {@link Es256#active()} (SIGN-11, SIGN-12); see the overload. */
    public static String sign(ShakenClaims claims, URI x5u, PrivateKey key) {
        return sign(claims, x5u, Es256.active().signerFor(key));
    }

    /**
     * Signs the exact canonical bytes built here; {@code origid} must be a UUID (SIGN-14).
     *
     * @return {@code b64url(header) "." b64url(payload) "." b64url(R||S)}, no padding
     */
    public static String sign(ShakenClaims claims, URI x5u, Es256.Signer signer) {
        Objects.requireNonNull(signer, "signer");
        if (!claims.origidIsUuid()) {
            throw new IllegalArgumentException("origid '" + Texts.quote(claims.origid())
                    + "' is not a UUID; RFC 8588 §5 requires one when signing");
        }
        String signingInput = b64(encodeHeader(x5u)) + '.' + b64(encodePayload(claims));
        byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + B64URL.encodeToString(signature);
    }

    /**
     * Decodes a full-form SHAKEN PASSporT strictly, without verifying its signature.
     *
     * @throws PassportException {@link Reason#USE_SUPPORTED_PASSPORT_FORMAT} when the header's ppt is
     *                           not {@code shaken} (VER-02: the caller ignores that header), otherwise
     *                           {@link Reason#INVALID_IDENTITY_HEADER} with the precise cause
     */
    public static DecodedPassport decode(String compactJws) {
        return PassportDecoder.decode(compactJws, true);
    }

    /**
     * {@link #decode(String)}, judging the RFC 8225 §9 canonical form only when {@code judgeCanonical}:
     * only a strict verifier needs it (VER-21), and re-serialising both JSON objects is the dearest
     * step of a decode. Unjudged, {@link DecodedPassport#canonical()} is false.
     */
    public static DecodedPassport decode(String compactJws, boolean judgeCanonical) {
        return PassportDecoder.decode(compactJws, judgeCanonical);
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
