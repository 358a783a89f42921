package io.callsign.acme;

import java.util.Objects;

/**
 * RFC 8555 §7.3.4 External Account Binding, required by ZeroSSL and most STI-CAs.
 *
 * @param keyId   the key identifier the CA gave out
 * @param hmacKey the base64url MAC key the CA gave out; never logged ({@link #toString()} omits it)
 */
public record ExternalAccountBinding(String keyId, String hmacKey) {

    public ExternalAccountBinding {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (keyId.isBlank() || hmacKey.isBlank()) {
            throw new IllegalArgumentException("External Account Binding needs both a key id and an HMAC key"
                    + " (CALLSIGN_ACME_EAB_KID, CALLSIGN_ACME_EAB_HMAC)");
        }
    }

    @Override
    public String toString() {
        return "ExternalAccountBinding[keyId=" + keyId + ", hmacKey=(hidden)]";
    }
}
