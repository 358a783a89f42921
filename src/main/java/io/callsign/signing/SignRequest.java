package io.callsign.signing;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the proxy knows of an outbound INVITE (API.md {@code POST /v1/sign}). Raw SIP values are
 * welcome; canonicalisation happens here. Every field is optional except a caller and a callee.
 *
 * @param from       From URI (or {@code orig})
 * @param pai        P-Asserted-Identity URI; preferred over From
 * @param orig       calling number as digits, when the proxy has no URI
 * @param to         To URI (or {@code dest})
 * @param ruri       Request-URI; used when To is absent
 * @param dest       called numbers as digits
 * @param callId     Call-ID, for logs
 * @param sourceIp   where the INVITE came from
 * @param authUser   digest-authenticated user
 * @param registered whether the proxy found the caller registered
 * @param trunk      ingress trunk name
 * @param attest     requested attestation, honoured only when policy allows
 * @param origid     origination identifier (UUID) to use instead of a fresh one
 * @param date       the INVITE's Date header, if it has one
 * @param rtjson     {@code true} or an rtjson routing document: answer with a Kamailio rtjson document
 *                   whose routes carry the Identity (see {@link io.callsign.rtjson.RtjsonOption})
 */
public record SignRequest(
        String from,
        String pai,
        String orig,
        String to,
        String ruri,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> dest,
        String callId,
        String sourceIp,
        String authUser,
        Boolean registered,
        String trunk,
        String attest,
        String origid,
        String date,
        JsonNode rtjson) {

    /** A request without the rtjson option. */
    public SignRequest(String from, String pai, String orig, String to, String ruri, List<String> dest, String callId,
            String sourceIp, String authUser, Boolean registered, String trunk, String attest, String origid,
            String date) {
        this(from, pai, orig, to, ruri, dest, callId, sourceIp, authUser, registered, trunk, attest, origid, date, null);
    }
}
