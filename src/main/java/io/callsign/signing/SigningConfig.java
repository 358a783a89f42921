package io.callsign.signing;

import java.time.Duration;

/**
 * @param enabled            {@code SBC_ENABLE_STIR}
 * @param defaultCountryCode given to national numbers
 * @param maxDateSkew        a Date further than this from now is refused (RFC 8224 §6.1 step 3: 60 s)
 */
public record SigningConfig(boolean enabled, String defaultCountryCode, Duration maxDateSkew) {

    public static SigningConfig defaults() {
        return new SigningConfig(true, "1", Duration.ofSeconds(60));
    }
}
