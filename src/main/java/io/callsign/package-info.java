/**
 * Callsign: a STIR/SHAKEN authentication and verification service for SIP proxies.
 * {@link io.callsign.Callsign} is the composition root and command-line entry point.
 */
package io.callsign;
