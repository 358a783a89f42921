package io.callsign.provisioning;

import java.util.Optional;

/**
 * Settings of the provisioning API.
 *
 * @param token          {@code CALLSIGN_PROVISIONING_TOKEN}: bearer token every client must present;
 *                       empty = only loopback clients are served
 * @param maxImportBytes {@code CALLSIGN_IMPORT_MAX_BYTES}: largest CSV body {@code POST /v1/numbers:import}
 *                       accepts (the body is streamed, never held in memory)
 */
public record ProvisioningConfig(Optional<String> token, long maxImportBytes) {

    public static final long DEFAULT_MAX_IMPORT_BYTES = 10L * 1024 * 1024 * 1024;

    public ProvisioningConfig {
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("CALLSIGN_PROVISIONING_TOKEN is blank; unset it or give a secret");
        }
        if (maxImportBytes < 1) {
            throw new IllegalArgumentException("CALLSIGN_IMPORT_MAX_BYTES=" + maxImportBytes + " must be positive");
        }
    }

    /** Loopback-only, 10 GiB imports. */
    public static ProvisioningConfig defaults() {
        return new ProvisioningConfig(Optional.empty(), DEFAULT_MAX_IMPORT_BYTES);
    }

    public static ProvisioningConfig withToken(Optional<String> token) {
        return new ProvisioningConfig(token, DEFAULT_MAX_IMPORT_BYTES);
    }

    @Override
    public String toString() {
        return "ProvisioningConfig[token=" + (token.isPresent() ? "****" : "(unset)") + ", maxImportBytes="
                + maxImportBytes + "]";
    }
}
