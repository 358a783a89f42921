/**
 * Telephone numbers and who holds them. {@link io.callsign.numbers.TelephoneNumber} turns whatever a
 * SIP proxy hands over into the canonical form of RFC 8224 §8.3 (pure code, no I/O).
 * {@link io.callsign.numbers.ProvisioningView} keeps an immutable
 * {@link io.callsign.numbers.NumberSnapshot} of subscribers, their SIP users, numbers, number blocks,
 * trunks and their source networks, loaded from PostgreSQL and patched from the change feed
 * (db/migration V3) within a second of each commit.
 *
 * <p>The snapshot works on canonical E.164 digit strings (1 to 15 digits, no '+'). This package
 * decides nothing about attestation and never writes provisioning data: it only reads it.
 */
package io.callsign.numbers;
