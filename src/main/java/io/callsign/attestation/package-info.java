/**
 * The STIR/SHAKEN attestation level (A, B or C) of a call: a pure function of the configured mode,
 * the call's origin (trunk, source address, authenticated or registered user) and who holds the
 * calling number in a {@link io.callsign.numbers.NumberSnapshot}. Entry point:
 * {@link io.callsign.attestation.AttestationPolicy}. Every decision carries an operator-readable
 * reason naming the rule that fired.
 *
 * <p>No I/O here: no database, no network, no environment. The signing service passes the snapshot
 * in; the configuration arrives as an {@link io.callsign.attestation.AttestationConfig}.
 */
package io.callsign.attestation;
