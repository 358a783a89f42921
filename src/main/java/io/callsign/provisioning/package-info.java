/**
 * The operators' provisioning: the REST API under {@code /v1/subscribers}, {@code /v1/numbers},
 * {@code /v1/number-blocks} and {@code /v1/trunks}, bulk CSV import and export of numbers, the
 * {@code /v1/explain} route, and the {@link io.callsign.provisioning.Cli} that calls them over HTTP.
 * Every change is authenticated, checked against the row's version (ETag) when the client asks,
 * and audited in the same transaction. {@link io.callsign.provisioning.ProvisioningApi} is the entry
 * point.
 *
 * <p>Must not: decide attestation (the attestation policy does; explain only calls it), keep
 * provisioning state in memory (the snapshot and change feed do), or serve the call path
 * ({@code /v1/sign}, {@code /v1/verify} are not behind this package's authentication).
 */
package io.callsign.provisioning;
