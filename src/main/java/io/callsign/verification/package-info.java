/**
 * STI-VS: the verification service behind {@code POST /v1/verify} and the JSON-RPC method
 * {@code stir.verify}. Identity headers and the call's SIP facts in, a verdict out: verstat, the
 * RFC 8224 response a rejecting policy sends (403/428/436/437/438), the Reason header a continuing
 * call carries, and headers ready to add.
 *
 * <p>Entry points: {@link io.callsign.verification.VerificationService} (the domain) and
 * {@link io.callsign.verification.VerificationSetup} (wiring for the composition root). This package
 * must not fetch or validate certificates itself (that is {@code io.callsign.certificates}), must not
 * parse PASSporTs by hand (that is {@code io.callsign.passport}), and must never trust a claim before
 * its signature has been verified (SEC-13): a malformed or forged header is a verdict, not an error.
 */
package io.callsign.verification;
