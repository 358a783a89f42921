package io.callsign.acme;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.callsign.config.Settings;

/**
 * Everything the ACME feature needs, validated once. Build with {@link #of(URI, String)} and the
 * {@code with...} methods; {@link #directoryFor(String, boolean)} maps {@code ZTA_ACME_PROVIDER}.
 *
 * @param directory      the ACME directory URL (https)
 * @param email          account contact, or null (ZTA_ACME_EMAIL)
 * @param domain         our DNS name: the certificate name for http-01/dns-01 and the x5u host
 * @param x5u            the public URL of our chain, published in every PASSporT
 * @param challenge      how we prove control of the identifier
 * @param eab            External Account Binding, or null
 * @param trustedCa      PEM file of CAs trusted for the ACME server's and STI-PA's TLS, or null
 *                       for the JVM's defaults (pebble, private CAs)
 * @param dnsHook        dns-01 hook command and its fixed arguments; empty unless dns-01
 * @param dnsHookTimeout how long one hook invocation may run
 * @param tkauth         tkauth-01 settings; null unless tkauth-01
 * @param renewal        renewal timing and retries
 * @param timeout        upper bound for one network exchange and for each wait on the CA
 */
public record AcmeConfig(URI directory, String email, String domain, URI x5u, ChallengeMethod challenge,
                         ExternalAccountBinding eab, Path trustedCa, List<String> dnsHook, Duration dnsHookTimeout,
                         TkauthSettings tkauth, RenewalPolicy renewal, Duration timeout) {

    public static final URI LETSENCRYPT = URI.create("https://acme-v02.api.letsencrypt.org/directory");
    public static final URI LETSENCRYPT_STAGING = URI.create("https://acme-staging-v02.api.letsencrypt.org/directory");
    public static final URI ZEROSSL = URI.create("https://acme.zerossl.com/v2/DV90");

    public AcmeConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(dnsHookTimeout, "dnsHookTimeout");
        dnsHook = List.copyOf(dnsHook);
        requireHttps("ZTA_ACME_PROVIDER", directory); // RFC 8555 §6.1: ACME is HTTPS only
        requireDomain(domain);
        Objects.requireNonNull(x5u, "x5u");
        requireHttps("CALLSIGN_X5U", x5u);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("ZTA_ACME_EMAIL must be an e-mail address, got '" + email + "'");
        }
        if (challenge == ChallengeMethod.DNS_01 && dnsHook.isEmpty()) {
            throw new IllegalArgumentException("dns-01 needs CALLSIGN_ACME_DNS_HOOK: a command invoked as"
                    + " '<cmd> present|cleanup <domain> <txt-name> <txt-value>'");
        }
        if (challenge == ChallengeMethod.TKAUTH_01 && tkauth == null) {
            throw new IllegalArgumentException("tkauth-01 needs CALLSIGN_ACME_TKAUTH_TOKEN_URL and"
                    + " CALLSIGN_ACME_TKAUTH_SPC");
        }
    }

    /**
     * Maps {@code ZTA_ACME_PROVIDER}: {@code letsencrypt} (its staging directory when
     * {@code staging}), {@code zerossl}, or any https directory URL.
     */
    public static URI directoryFor(String provider, boolean staging) {
        String name = provider == null ? "" : provider.trim();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "letsencrypt":
                return staging ? LETSENCRYPT_STAGING : LETSENCRYPT;
            case "zerossl":
                return ZEROSSL;
            default:
                if (name.regionMatches(true, 0, "https://", 0, 8)) {
                    return URI.create(name);
                }
                throw new IllegalArgumentException("ZTA_ACME_PROVIDER must be letsencrypt, zerossl or an https"
                        + " ACME directory URL, got '" + provider + "'");
        }
    }

    /** The x5u for {@code domain}: {@code https://<domain>[:<port>]/.well-known/stir/cert.pem}. */
    public static URI x5uFor(String domain, int port) {
        requireDomain(domain);
        String authority = port == 443 ? domain : domain + ":" + port;
        return URI.create("https://" + authority + "/.well-known/stir/cert.pem");
    }

    /**
     * The configuration the settings describe ({@code ZTA_ACME_*}, {@code CALLSIGN_ACME_*}, and
     * {@code CALLSIGN_X5U} as the x5u base); call only when {@code settings.acme().enabled()}.
     * {@code SettingsLoader} has validated every value, so this does not fail on loaded settings.
     */
    public static AcmeConfig from(Settings settings) {
        Settings.Acme acme = settings.acme();
        String domain = acme.domain().orElseThrow();
        Settings.AcmeRenewal r = acme.renewal();
        AcmeConfig config = of(directoryFor(acme.provider().orElseThrow(), acme.staging()), domain)
                .withX5u(settings.credentials().x5u().orElse(x5uFor(domain, 443)))
                .withEmail(acme.email().orElse(null))
                .withTrustedCa(acme.caFile().orElse(null))
                .withRenewal(new RenewalPolicy(r.ari(), r.renewAt(), r.alertBefore(), r.retryMin(), r.retryMax(),
                        r.leaseTtl(), r.syncInterval()))
                .withTimeout(acme.timeout());
        if (acme.eabKid().isPresent()) {
            config = config.withEab(new ExternalAccountBinding(acme.eabKid().get(), acme.eabHmac().orElseThrow()));
        }
        return switch (ChallengeMethod.parse(acme.challenge())) {
            case HTTP_01 -> config;
            case DNS_01 -> config.withDnsHook(acme.dnsHook(), acme.dnsHookTimeout());
            case TKAUTH_01 -> config.withTkauth(tkauth(acme.tkauth()));
        };
    }

    private static TkauthSettings tkauth(Settings.AcmeTkauth t) {
        TkauthSettings settings = TkauthSettings.of(t.tokenUrl().orElseThrow(), t.spc().orElseThrow())
                .withProfile(t.fingerprint().equals("spki") ? TkauthSettings.FingerprintForm.SPKI
                                : TkauthSettings.FingerprintForm.JWK_THUMBPRINT,
                        t.encoding().equals("base64") ? TkauthSettings.IdentifierEncoding.BASE64
                                : TkauthSettings.IdentifierEncoding.BASE64URL,
                        t.field().equals("atc") ? TkauthSettings.ResponseField.ATC : TkauthSettings.ResponseField.TKAUTH);
        if (t.user().isPresent()) {
            settings = settings.withBasicAuth(t.user().get(), t.password().orElseThrow());
        }
        return t.bearerToken().map(settings::withBearerToken).orElse(settings);
    }

    /** http-01 for {@code domain}, x5u on port 443, no EAB, default renewal, 2-minute timeout. */
    public static AcmeConfig of(URI directory, String domain) {
        return new AcmeConfig(directory, null, domain, x5uFor(domain, 443), ChallengeMethod.HTTP_01, null, null,
                List.of(), Duration.ofMinutes(2), null, RenewalPolicy.defaults(), Duration.ofMinutes(2));
    }

    public AcmeConfig withEmail(String value) {
        return new AcmeConfig(directory, value, domain, x5u, challenge, eab, trustedCa, dnsHook, dnsHookTimeout,
                tkauth, renewal, timeout);
    }

    public AcmeConfig withX5u(URI value) {
        return new AcmeConfig(directory, email, domain, value, challenge, eab, trustedCa, dnsHook, dnsHookTimeout,
                tkauth, renewal, timeout);
    }

    public AcmeConfig withEab(ExternalAccountBinding value) {
        return new AcmeConfig(directory, email, domain, x5u, challenge, value, trustedCa, dnsHook, dnsHookTimeout,
                tkauth, renewal, timeout);
    }

    public AcmeConfig withTrustedCa(Path value) {
        return new AcmeConfig(directory, email, domain, x5u, challenge, eab, value, dnsHook, dnsHookTimeout,
                tkauth, renewal, timeout);
    }

    /** Switches to dns-01 with {@code command} as the hook. */
    public AcmeConfig withDnsHook(List<String> command, Duration hookTimeout) {
        return new AcmeConfig(directory, email, domain, x5u, ChallengeMethod.DNS_01, eab, trustedCa, command,
                hookTimeout, tkauth, renewal, timeout);
    }

    /** Switches to tkauth-01 with {@code settings}. */
    public AcmeConfig withTkauth(TkauthSettings settings) {
        return new AcmeConfig(directory, email, domain, x5u, ChallengeMethod.TKAUTH_01, eab, trustedCa, dnsHook,
                dnsHookTimeout, settings, renewal, timeout);
    }

    public AcmeConfig withRenewal(RenewalPolicy value) {
        return new AcmeConfig(directory, email, domain, x5u, challenge, eab, trustedCa, dnsHook, dnsHookTimeout,
                tkauth, value, timeout);
    }

    public AcmeConfig withTimeout(Duration value) {
        return new AcmeConfig(directory, email, domain, x5u, challenge, eab, trustedCa, dnsHook, dnsHookTimeout,
                tkauth, renewal, value);
    }

    private static void requireDomain(String domain) {
        if (domain == null || !domain.matches(
                "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*")) {
            throw new IllegalArgumentException("ZTA_ACME_DOMAIN must be a DNS name such as sti.example.com, got '"
                    + domain + "'");
        }
    }

    private static void requireHttps(String key, URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(key + " must be an https URL, got " + uri);
        }
    }
}
