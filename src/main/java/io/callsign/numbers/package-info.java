/**
 * Who holds which telephone number, as the call path sees it: subscribers, their SIP users, numbers
 * and number blocks, trunks and their source networks. {@link io.callsign.numbers.ProvisioningView}
 * keeps an immutable {@link io.callsign.numbers.NumberSnapshot} loaded from PostgreSQL and patched
 * from the change feed (db/migration V3) within a second of each commit.
 *
 * <p>Numbers here are canonical E.164 digit strings (1 to 15 digits, no '+'); turning SIP or tel URIs
 * into digits happens before this package. This package decides nothing about attestation and never
 * writes provisioning data: it only reads it.
 */
package io.callsign.numbers;
