package io.callsign.verification;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * The body of {@code POST /v1/verify} and the params of {@code stir.verify}: what the proxy saw in the
 * INVITE, raw. Every field is optional; an absent or empty {@code identity} means the call carried no
 * Identity header. Immutable.
 *
 * @param identity every Identity header value, in order; a single string is accepted as a list of one
 * @param from     the From header or URI
 * @param pai      the P-Asserted-Identity header or URI; preferred over From for the caller (VER-11)
 * @param to       the To header or URI: the called number (VER-11)
 * @param ruri     the Request-URI; the called number when To names none
 * @param date     the Date header value, RFC 1123 GMT, if the INVITE had one (VER-05, VER-08)
 * @param callId   the Call-ID; the same PASSporT seen again under another Call-ID is a replay (VER-20)
 */
public record VerifyRequest(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> identity,
        String from,
        String pai,
        String to,
        String ruri,
        String date,
        String callId) {

    public VerifyRequest {
        // Nulls and blanks are what a proxy sends for "no such header"; they are not headers.
        identity = identity == null ? List.of()
                : identity.stream().filter(h -> h != null && !h.isBlank()).toList();
    }

    /** A request with only Identity headers and the call's numbers, for tests and embedding. */
    public static VerifyRequest of(List<String> identity, String from, String to, String date) {
        return new VerifyRequest(identity, from, null, to, null, date, null);
    }
}
