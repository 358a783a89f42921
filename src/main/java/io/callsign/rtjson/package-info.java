/**
 * The rtjson option of the sign API: Kamailio {@code rtjson} routing documents whose routes carry
 * the headers Callsign adds ({@code Identity}, {@code Date}) in {@code headers.extra}. Either a
 * one-route document built from the Request-URI, or the operator's own document, checked and
 * returned with those header lines appended to every route, everything else untouched.
 *
 * <p>Must not: sign, decide attestation, or add anything that did not come from Callsign to a
 * header line (nothing from the request may reach the SIP message as a header); no I/O.
 */
package io.callsign.rtjson;
