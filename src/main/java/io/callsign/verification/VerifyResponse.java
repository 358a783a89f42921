package io.callsign.verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict, as {@code POST /v1/verify} answers it (API.md) plus diagnostic extras. The claims
 * ({@code attest}, {@code origid}, {@code orig}, {@code dest}, {@code iat}, {@code spc}) are only
 * filled when the verdict is {@code TN-Validation-Passed}: nothing unverified is reported as a fact
 * (SEC-13). Immutable.
 *
 * @param verstat      TN-Validation-Passed, TN-Validation-Failed or No-TN-Validation (VER-18)
 * @param attest       A, B or C of the verified PASSporT
 * @param origid       its origid
 * @param orig         its orig.tn
 * @param dest         its dest.tn values
 * @param x5u          the credential URL of the verified header, or of the failed one when known
 * @param iat          its iat, seconds since the epoch
 * @param headers      SIP headers to add (replacing any of the same name): X-STIR-Verified,
 *                     X-STIR-Attestation (passed only), X-STIR-Verstat, P-Asserted-Identity or From
 *                     with {@code ;verstat=} (CALLSIGN_VERSTAT_URI)
 * @param reject       the response a rejecting policy sends (CALLSIGN_VERIFY_FAILURE=reject), else null
 * @param reasonHeader the Reason header value to add when the call continues after a failure (VER-16/17)
 * @param spc          the service provider code of the verified credential
 * @param replay       true when this PASSporT was already verified for another call within the
 *                     freshness window (VER-20)
 * @param detail       a precise explanation for logs; never for the SIP wire
 * @param results      one entry per Identity header evaluated, in order
 */
public record VerifyResponse(
        String verstat,
        String attest,
        String origid,
        String orig,
        List<String> dest,
        String x5u,
        Long iat,
        Map<String, String> headers,
        Reject reject,
        String reasonHeader,
        String spc,
        boolean replay,
        String detail,
        List<HeaderResult> results) {

    public VerifyResponse {
        dest = dest == null ? null : List.copyOf(dest);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        results = List.copyOf(results);
    }

    /** The RFC 8224 response line a rejecting policy sends, e.g. {@code 438 Invalid Identity Header}. */
    public record Reject(int code, String reason) {
    }

    /**
     * What became of one Identity header.
     *
     * @param index   its position in the request, from 0
     * @param outcome {@code passed}, {@code failed} or {@code ignored}
     * @param code    the SIP code of a failure (403, 436, 437, 438), else null
     * @param reason  the standard reason phrase of a failure, else null
     * @param x5u     the credential URL it names, when it could be read
     * @param detail  what was checked or what failed, for logs
     */
    public record HeaderResult(int index, String outcome, Integer code, String reason, String x5u, String detail) {
    }
}
