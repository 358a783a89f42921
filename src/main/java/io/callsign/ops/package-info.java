/**
 * Operations: liveness, readiness with per-component detail, Prometheus metrics and build
 * information. Knows nothing of STIR; components report through {@link io.callsign.ops.ReadinessCheck}
 * and {@link io.callsign.ops.Metrics}.
 */
package io.callsign.ops;
