/**
 * Operators' view and control of our signing certificate, whatever its source: {@code GET /v1/cert}
 * (status), {@code POST /v1/cert:renew} (ACME only) and the {@code callsign cert status|renew}
 * command, an HTTP client of those two routes. Both routes are guarded like the provisioning API
 * ({@link io.callsign.certadmin.OperatorGuard}).
 *
 * <p>Must not: renew or install credentials itself (that is {@link io.callsign.acme}), or expose
 * key material (the status names the certificate, never the key).
 */
package io.callsign.certadmin;
