/**
 * The verifier's certificate side: fetches the signer's chain from a PASSporT's {@code x5u} over
 * HTTPS with SSRF and size guards, validates it against the STI trust anchors (PKIX, P-256,
 * TNAuthList, ATIS-1000080 profile, CRL) and caches the validated credential so that a warm lookup is
 * a map get.
 *
 * <p>Entry point: {@link io.callsign.certificates.CredentialResolver}. This package must not parse
 * PASSporTs or SIP, must not trust the system web roots for STI chains (CERT-17), and must never
 * connect to an address it has not checked with {@link io.callsign.certificates.AddressGuard}.
 */
package io.callsign.certificates;
