package io.callsign.provisioning;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the provisioning API.
 *
 * @param token          {@code CALLSIGN_PROVISIONING_TOKEN}: bearer token every client must present;
 *                       empty = only loopback clients are served
 * @param maxImportBytes {@code CALLSIGN_IMPORT_MAX_BYTES}: largest CSV body {@code POST /v1/numbers:import}
 *                       accepts (the body is streamed, never held in memory)
 * @param importIdleTimeout {@code CALLSIGN_IMPORT_IDLE_TIMEOUT_SECONDS}: an import whose client sends
 *                       nothing for this long is abandoned and rolled back
 */
public record ProvisioningConfig(Optional<String> token, long maxImportBytes, Duration importIdleTimeout) {

    public static final Duration DEFAULT_IMPORT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static final long DEFAULT_MAX_IMPORT_BYTES = 10L * 1024 * 1024 * 1024;

    public ProvisioningConfig {
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("CALLSIGN_PROVISIONING_TOKEN is blank; unset it or give a secret");
        }
        if (maxImportBytes < 1) {
            throw new IllegalArgumentException("CALLSIGN_IMPORT_MAX_BYTES=" + maxImportBytes + " must be positive");
        }
        if (importIdleTimeout.isNegative() || importIdleTimeout.isZero()) {
            throw new IllegalArgumentException("CALLSIGN_IMPORT_IDLE_TIMEOUT_SECONDS=" + importIdleTimeout.toSeconds()
                    + " must be positive");
        }
    }

    /** Loopback-only, 10 GiB imports, 60 s idle timeout. */
    public static ProvisioningConfig defaults() {
        return withToken(Optional.empty());
    }

    public static ProvisioningConfig withToken(Optional<String> token) {
        return new ProvisioningConfig(token, DEFAULT_MAX_IMPORT_BYTES, DEFAULT_IMPORT_IDLE_TIMEOUT);
    }

    @Override
    public String toString() {
        return "ProvisioningConfig[token=" + (token.isPresent() ? "****" : "(unset)") + ", maxImportBytes="
                + maxImportBytes + ", importIdleTimeout=" + importIdleTimeout + "]";
    }
}
