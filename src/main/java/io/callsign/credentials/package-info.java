/**
 * Callsign's own signing credentials: the P-256 key, the chain published for it and its x5u URL.
 * Loads static credentials from PEM files, generates a lab STI root and SHAKEN certificate when
 * nothing else is configured, holds the active set ({@link io.callsign.credentials.ActiveCredentials})
 * and publishes the chain at {@code /.well-known/stir/cert.pem} and at a per-certificate path
 * ({@code <leaf-hash>.pem}), and runs the HTTPS listener of that repository (with ACME web
 * certificates, presenting the active signing certificate itself). ACME enrolment (another package)
 * installs into the same holder. Must never log, publish or render private key material.
 */
package io.callsign.credentials;
