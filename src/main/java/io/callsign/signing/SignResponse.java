package io.callsign.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The answer to a sign request (API.md). {@code identity} is null when policy decided not to sign;
 * {@code reason} always says why the outcome is what it is.
 *
 * @param identity the full Identity header value, one line, or null
 * @param headers  headers the proxy must add (Date, when the INVITE had none)
 * @param rtjson   the rtjson routing document, only when the request asked for one (else the member
 *                 is left out, so answers without the option stay as they were)
 */
public record SignResponse(
        String identity,
        String attest,
        String origid,
        String orig,
        List<String> dest,
        String reason,
        Map<String, String> headers,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode rtjson) {

    SignResponse(String identity, String attest, String origid, String orig, List<String> dest, String reason,
            Map<String, String> headers) {
        this(identity, attest, origid, orig, dest, reason, headers, null);
    }

    SignResponse withRtjson(JsonNode document) {
        return new SignResponse(identity, attest, origid, orig, dest, reason, headers, document);
    }

    static SignResponse notSigned(String reason) {
        return new SignResponse(null, null, null, null, null, reason, Map.of());
    }

    static SignResponse notSigned(String orig, List<String> dest, String reason) {
        return new SignResponse(null, null, null, orig, dest, reason, Map.of());
    }
}
