/**
 * The PASSporT wire format for SHAKEN (RFC 8225, RFC 8588) and the SIP Identity header that carries it
 * (RFC 8224): canonical encoding, strict decoding, ES256 signing and verification, and the one mapping
 * of failure reasons to SIP codes ({@link io.callsign.passport.Reason}).
 *
 * <p>Pure code: no I/O, no clock, no database, no HTTP, no logging. Everything here is a function of
 * its arguments, so the signer and the verifier can both build on it and it can be fuzzed freely.
 */
package io.callsign.passport;
