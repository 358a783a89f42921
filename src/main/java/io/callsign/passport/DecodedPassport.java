package io.callsign.passport;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A PASSporT that passed every syntactic check of {@link PassportCodec#decode}, signature not yet
 * verified: nothing in it may be trusted before {@link Es256.Verifier#verify} succeeds (SEC-13).
 * Immutable; the array accessors return copies.
 *
 * @param ppt          the header's ppt; always {@code shaken} (other values are refused with
 *                     {@link Reason#USE_SUPPORTED_PASSPORT_FORMAT})
 * @param x5u          the header's x5u, to compare with the Identity info (HDR-10) and to fetch
 * @param claims       the SHAKEN claims; extra claims were allowed and are not kept (EXT-03)
 * @param signingInput {@code b64header "." b64payload} exactly as received, ASCII (VER-21)
 * @param signature    the 64-byte R||S signature (SIGN-12)
 * @param canonical    true when header and payload JSON are byte-identical to their RFC 8225 §9
 *                     canonical form (sorted keys, no whitespace); a strict profile may require it.
 *                     False also when the decoder was asked not to judge it
 *                     ({@link PassportCodec#decode(String, boolean)})
 */
public record DecodedPassport(String ppt, URI x5u, ShakenClaims claims, byte[] signingInput,
                              byte[] signature, boolean canonical) {

    public DecodedPassport {
        Objects.requireNonNull(ppt, "ppt");
        Objects.requireNonNull(x5u, "x5u");
        Objects.requireNonNull(claims, "claims");
        signingInput = signingInput.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] signingInput() {
        return signingInput.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Verifies the signature with {@code verifier}; the one way to go from parsed to trusted. */
    public boolean verifiedBy(Es256.Verifier verifier) {
        return verifier.verify(signingInput, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodedPassport d && ppt.equals(d.ppt) && x5u.equals(d.x5u)
                && claims.equals(d.claims) && Arrays.equals(signingInput, d.signingInput)
                && Arrays.equals(signature, d.signature) && canonical == d.canonical;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ppt, x5u, claims, Arrays.hashCode(signingInput), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "DecodedPassport[ppt=" + ppt + ", x5u=" + x5u + ", claims=" + claims
                + ", signingInput=" + signingInput.length + " bytes, canonical=" + canonical + "]";
    }
}
