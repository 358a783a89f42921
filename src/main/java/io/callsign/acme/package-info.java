/**
 * Our own signing credentials from an ACME CA: account handling, orders, challenges (http-01,
 * dns-01, tkauth-01 per RFC 9447/9448 and ATIS-1000080), renewal with ARI (RFC 9773) or at a
 * fraction of the lifetime, and rotation through {@link io.callsign.credentials.ActiveCredentials}.
 *
 * <p>Entry points: {@link io.callsign.acme.AcmeEnrolment} (one issuance) and
 * {@link io.callsign.acme.RenewalScheduler} (lifecycle, status, {@code renewNow}). State lives in
 * {@link io.callsign.acme.AcmeStore} (files, 0600) and, when several instances share a database,
 * in a {@link io.callsign.acme.SharedCredentialStore} guarded by a {@link io.callsign.acme.RenewalLease}.
 *
 * <p>Rotation: {@code ActiveCredentials.install} swaps key, chain and x5u in one step, and the
 * {@code cert.pem} handler reads {@code ActiveCredentials} on every request, so the new chain is
 * published no later than the first signature made with the new key; the old credentials keep
 * signing until then. A verifier that cached the old chain under the same x5u URL may still reject
 * new signatures until its cache expires.
 *
 * <p>Must not: read environment variables (see {@link io.callsign.acme.AcmeConfig}), log private
 * keys, tokens or passwords, sign calls, or serve {@code cert.pem} (publication reads
 * {@code ActiveCredentials}).
 */
package io.callsign.acme;
