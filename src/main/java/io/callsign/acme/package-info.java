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
 * <p>Rotation: {@code ActiveCredentials.install} swaps key, chain and x5u in one step; the
 * certificate repository publishes the new chain in its before-install hook, so it is fetchable no
 * later than the first signature made with the new key, and the old credentials keep signing until
 * then. By default each certificate is signed with its own x5u ({@code .../<leaf-hash>.pem}), so a
 * verifier's cached chain of the old key under one URL can never meet a signature of the new key.
 *
 * <p>Composition: {@link io.callsign.acme.AcmeService} is what the composition root uses; it runs
 * the scheduler with {@link io.callsign.acme.LeaseRepository} and
 * {@link io.callsign.acme.SharedCredentialsRepository} on the service's database.
 *
 * <p>Must not: read environment variables (see {@link io.callsign.acme.AcmeConfig}), log private
 * keys, tokens or passwords, sign calls, or serve {@code cert.pem} (publication reads
 * {@code ActiveCredentials}).
 */
package io.callsign.acme;
