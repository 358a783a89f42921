package io.callsign.signing;

import java.util.List;
import java.util.Map;

/**
 * The answer to a sign request (API.md). {@code identity} is null when policy decided not to sign;
 * {@code reason} always says why the outcome is what it is.
 *
 * @param identity the full Identity header value, one line, or null
 * @param headers  headers the proxy must add (Date, when the INVITE had none)
 */
public record SignResponse(
        String identity,
        String attest,
        String origid,
        String orig,
        List<String> dest,
        String reason,
        Map<String, String> headers) {

    static SignResponse notSigned(String reason) {
        return new SignResponse(null, null, null, null, null, reason, Map.of());
    }

    static SignResponse notSigned(String orig, List<String> dest, String reason) {
        return new SignResponse(null, null, null, orig, dest, reason, Map.of());
    }
}
