package io.callsign.verification;

import io.callsign.passport.DecodedPassport;
import io.callsign.passport.Reason;
import io.callsign.verification.VerificationConfig.ReasonProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Verdict} into the {@link VerifyResponse}: verstat, the headers to add, {@code reject}
 * or the Reason header per CALLSIGN_VERIFY_FAILURE, claims only from a passed header (SEC-13), and
 * bounded diagnostics so that any response stays under 8 KiB. Stateless. Longer than most classes
 * because the response's parts (headers, reject, Reason, results) must agree, so they are built in one place.
 */
final class VerifyResponses {

    static final int MAX_DEST = 20;
    private static final int MAX_DETAIL = 512;
    private static final int MAX_RESULT_DETAIL = 160;
    private static final int MAX_URL = 512;
    private static final int MAX_RESULT_URL = 160;

    private final VerificationConfig config;

    VerifyResponses(VerificationConfig config) {
        this.config = config;
    }

    VerifyResponse build(Verdict verdict, List<HeaderOutcome> outcomes, VerifyRequest request, String note) {
        List<VerifyResponse.HeaderResult> results = results(outcomes);
        String detail = Bounded.text(detail(verdict) + note, MAX_DETAIL);
        String reasonHeader = reasonHeader(verdict, outcomes);
        if (verdict instanceof Verdict.Passed passed) {
            DecodedPassport passport = passed.header().passport();
            List<String> dest = passport.claims().destTns();
            return new VerifyResponse(Reason.Verstat.PASSED, passport.claims().attest(), passport.claims().origid(),
                    passport.claims().origTn(), dest.subList(0, Math.min(dest.size(), MAX_DEST)),
                    Bounded.text(passport.x5u().toString(), MAX_URL), passport.claims().iat(),
                    headers(Reason.Verstat.PASSED, passport.claims().attest(), request), null, reasonHeader,
                    passed.header().credential().spc(), passed.header().replay(), detail, results);
        }
        String verstat = verdict instanceof Verdict.Failed failed ? failed.reason().verstat() : Reason.Verstat.NO_VALIDATION;
        VerifyResponse.Reject reject = verdict instanceof Verdict.Failed failed && config.failure() == VerificationConfig.Failure.REJECT
                ? new VerifyResponse.Reject(failed.reason().sipCode(), failed.reason().phrase()) : null;
        return new VerifyResponse(verstat, null, null, null, null, Bounded.text(failedX5u(outcomes), MAX_URL), null,
                headers(verstat, null, request), reject, reasonHeader, null, false, detail, results);
    }

    private Map<String, String> headers(String verstat, String attest, VerifyRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-STIR-Verified", String.valueOf(Reason.Verstat.PASSED.equals(verstat)));
        if (attest != null) {
            headers.put("X-STIR-Attestation", attest);
        }
        headers.put("X-STIR-Verstat", verstat);
        switch (config.verstatUri()) {
            case PAI -> VerstatUri.apply(request.pai(), verstat).ifPresent(v -> headers.put("P-Asserted-Identity", v));
            case PAI_OR_FROM -> {
                if (request.pai() != null && !request.pai().isBlank()) {
                    VerstatUri.apply(request.pai(), verstat).ifPresent(v -> headers.put("P-Asserted-Identity", v));
                } else {
                    VerstatUri.apply(request.from(), verstat).ifPresent(v -> headers.put("From", v));
                }
            }
            case OFF -> { }
            default -> throw new IllegalStateException(config.verstatUri().name());
        }
        return headers;
    }

    /**
     * VER-16/17. SIP (RFC 3326): one value for a failed verdict when the call continues. STIR (RFC 9410
     * §4-6): one value per failed header, each naming its PASSporT with {@code ppi} when there are
     * several, also when another header passed; none when the policy rejects (the status line says it).
     */
    private String reasonHeader(Verdict verdict, List<HeaderOutcome> outcomes) {
        boolean rejecting = verdict instanceof Verdict.Failed && config.failure() == VerificationConfig.Failure.REJECT;
        if (rejecting) {
            return null;
        }
        if (config.reasonProtocol() == ReasonProtocol.SIP || outcomes.size() < 2) {
            return verdict instanceof Verdict.Failed failed ? reason(failed.reason(), null) : null;
        }
        List<String> values = new ArrayList<>();
        for (HeaderOutcome outcome : outcomes) {
            if (outcome instanceof HeaderOutcome.Failed failed) {
                values.add(reason(failed.reason(), failed.ppi()));
            }
        }
        if (values.isEmpty() && verdict instanceof Verdict.Failed failed) {
            values.add(reason(failed.reason(), null));
        }
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private String reason(Reason reason, String ppi) {
        String value = config.reasonProtocol().name() + ";cause=" + reason.sipCode() + ";text=\"" + reason.phrase() + "\"";
        return ppi == null ? value : value + ";ppi=\"" + ppi + "\"";
    }

    private static String detail(Verdict verdict) {
        if (verdict instanceof Verdict.Passed passed) {
            HeaderOutcome.Passed header = passed.header();
            return "Identity header " + passed.index() + " verified with " + header.credential().x5u() + " (SPC "
                    + header.credential().spc() + ")" + (header.replay()
                    ? "; this PASSporT was already verified for another call within the window: a possible replay (VER-20)"
                    : "");
        }
        if (verdict instanceof Verdict.Failed failed) {
            return failed.reason().sipCode() + " " + failed.reason().phrase() + ": " + failed.detail();
        }
        return ((Verdict.NoValidation) verdict).detail();
    }

    private static String failedX5u(List<HeaderOutcome> outcomes) {
        return outcomes.stream().filter(HeaderOutcome.Failed.class::isInstance).map(HeaderOutcome.Failed.class::cast)
                .map(HeaderOutcome.Failed::x5u).filter(x -> x != null).findFirst().orElse(null);
    }

    private static List<VerifyResponse.HeaderResult> results(List<HeaderOutcome> outcomes) {
        List<VerifyResponse.HeaderResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            HeaderOutcome outcome = outcomes.get(i);
            if (outcome instanceof HeaderOutcome.Passed passed) {
                results.add(new VerifyResponse.HeaderResult(i, "passed", null, null,
                        Bounded.text(passed.credential().x5u(), MAX_RESULT_URL), "verified (SPC " + passed.credential().spc() + ")"));
            } else if (outcome instanceof HeaderOutcome.Failed failed) {
                results.add(new VerifyResponse.HeaderResult(i, "failed", failed.reason().sipCode(), failed.reason().phrase(),
                        Bounded.text(failed.x5u(), MAX_RESULT_URL), Bounded.text(failed.detail(), MAX_RESULT_DETAIL)));
            } else {
                results.add(new VerifyResponse.HeaderResult(i, "ignored", null, null, null,
                        Bounded.text(((HeaderOutcome.Ignored) outcome).detail(), MAX_RESULT_DETAIL)));
            }
        }
        return results;
    }
}
