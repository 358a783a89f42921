package io.callsign.verification;

import io.callsign.config.Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The verifier's policy, validated on construction. The setting each field is read from is given in
 * brackets; {@link #defaults()} holds the defaults. Immutable. Its length is the withers tests use.
 *
 * @param maxAge             [CALLSIGN_IAT_MAX_AGE] freshness window for Date and iat, both directions (VER-05/06)
 * @param failure            [CALLSIGN_VERIFY_FAILURE] what a failed verdict asks of the proxy
 * @param profile            [CALLSIGN_VERIFY_PROFILE] Identity header strictness (HDR-04..07, HDR-10, VER-21)
 * @param requireDate        [CALLSIGN_REQUIRE_DATE] a request without Date fails with 438 instead of
 *                           relying on iat alone (VER-08)
 * @param requireIdentity    [CALLSIGN_REQUIRE_IDENTITY] no usable Identity header gives 428 instead of
 *                           No-TN-Validation (VER-15)
 * @param replay             [CALLSIGN_REPLAY] what a PASSporT seen again under another Call-ID does (VER-20)
 * @param replayCacheSize    [CALLSIGN_REPLAY_CACHE_SIZE] PASSporTs remembered for replay detection
 * @param reasonProtocol     [CALLSIGN_REASON_PROTOCOL] protocol token of the Reason header (VER-16/17)
 * @param verstatUri         [CALLSIGN_VERSTAT_URI] which URI carries {@code ;verstat=} in {@code headers} (VER-18)
 * @param defaultCountryCode [CALLSIGN_DEFAULT_COUNTRY_CODE] for national numbers in From/PAI/To (SIGN-09)
 */
public record VerificationConfig(
        Duration maxAge,
        Failure failure,
        Profile profile,
        boolean requireDate,
        boolean requireIdentity,
        Replay replay,
        int replayCacheSize,
        ReasonProtocol reasonProtocol,
        VerstatUri verstatUri,
        String defaultCountryCode) {

    /** {@code continue}: mark the call and let it through; {@code reject}: answer the RFC 8224 code. */
    public enum Failure { CONTINUE, REJECT }

    /**
     * {@code rfc}: RFC 8224 as written (alg defaults to ES256, extra parameters allowed, lenient JSON).
     * {@code strict}: the French MAN / sipssert reading: alg and ppt parameters required (437/438), no
     * extra parameters (438), info≠x5u is 436, non-canonical PASSporT JSON is 438.
     */
    public enum Profile { RFC, STRICT }

    /**
     * {@code flag}: the verdict stays as it is and {@code replay: true} is reported; {@code reject}: a
     * replayed PASSporT fails with 438; {@code off}: nothing is remembered.
     */
    public enum Replay { FLAG, REJECT, OFF }

    /** {@code SIP} (RFC 3326, ATIS-1000074) or {@code STIR} (RFC 9410). */
    public enum ReasonProtocol { SIP, STIR }

    /** {@code pai}: P-Asserted-Identity when the request has one; {@code pai-or-from}: else From; {@code off}. */
    public enum VerstatUri { PAI, PAI_OR_FROM, OFF }

    public VerificationConfig {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(reasonProtocol, "reasonProtocol");
        Objects.requireNonNull(verstatUri, "verstatUri");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("CALLSIGN_IAT_MAX_AGE: " + maxAge + " must be positive; 60 s is RECOMMENDED");
        }
        if (replayCacheSize < 1) {
            throw new IllegalArgumentException("CALLSIGN_REPLAY_CACHE_SIZE: " + replayCacheSize + " must be at least 1");
        }
        if (defaultCountryCode != null && !defaultCountryCode.isEmpty() && !defaultCountryCode.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("CALLSIGN_DEFAULT_COUNTRY_CODE: '" + defaultCountryCode
                    + "' is not an E.164 country code such as 1 or 33");
        }
    }

    /** 60 s, continue, rfc, Date optional, Identity optional, flag replays (100 000), SIP, pai, country 1. */
    public static VerificationConfig defaults() {
        return new VerificationConfig(Duration.ofSeconds(60), Failure.CONTINUE, Profile.RFC, false, false,
                Replay.FLAG, 100_000, ReasonProtocol.SIP, VerstatUri.PAI, "1");
    }

    /** The policy from validated settings. */
    public static VerificationConfig from(Settings settings) {
        Settings.Verification v = settings.verification();
        return new VerificationConfig(Duration.ofSeconds(v.iatMaxAgeSeconds()), parse(Failure.class, v.failure()),
                parse(Profile.class, v.profile()), v.requireDate(), v.requireIdentity(),
                parse(Replay.class, v.replay()), v.replayCacheSize(), parse(ReasonProtocol.class, v.reasonProtocol()),
                parse(VerstatUri.class, v.verstatUri()), settings.stir().defaultCountryCode());
    }

    public VerificationConfig withFailure(Failure value) {
        return new VerificationConfig(maxAge, value, profile, requireDate, requireIdentity, replay, replayCacheSize,
                reasonProtocol, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withProfile(Profile value) {
        return new VerificationConfig(maxAge, failure, value, requireDate, requireIdentity, replay, replayCacheSize,
                reasonProtocol, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withRequireDate(boolean value) {
        return new VerificationConfig(maxAge, failure, profile, value, requireIdentity, replay, replayCacheSize,
                reasonProtocol, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withRequireIdentity(boolean value) {
        return new VerificationConfig(maxAge, failure, profile, requireDate, value, replay, replayCacheSize,
                reasonProtocol, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withReplay(Replay value) {
        return new VerificationConfig(maxAge, failure, profile, requireDate, requireIdentity, value, replayCacheSize,
                reasonProtocol, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withReasonProtocol(ReasonProtocol value) {
        return new VerificationConfig(maxAge, failure, profile, requireDate, requireIdentity, replay, replayCacheSize,
                value, verstatUri, defaultCountryCode);
    }

    public VerificationConfig withVerstatUri(VerstatUri value) {
        return new VerificationConfig(maxAge, failure, profile, requireDate, requireIdentity, replay, replayCacheSize,
                reasonProtocol, value, defaultCountryCode);
    }

    /** Settings spell enum values in lower case with dashes ({@code pai-or-from}). */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
