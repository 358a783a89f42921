package io.callsign.passport;

/** The strict decoder behind {@link PassportCodec#decode}. */
final class PassportDecoder {

    private PassportDecoder() {
    }

    static DecodedPassport decode(String compactJws) {
        throw new PassportException(Reason.INVALID_IDENTITY_HEADER, "decoder not implemented yet");
    }
}
