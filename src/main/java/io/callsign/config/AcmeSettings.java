package io.callsign.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ACME settings ({@code ZTA_ACME_*}, {@code CALLSIGN_ACME_*}) and checks them together:
 * what the chosen challenge needs, pairs that go together, and keys that would have no effect.
 * About 150 lines: one method per group of keys, each reporting its own problems.
 */
final class AcmeSettings {

    static final String HTTP_01 = "http-01";
    static final String DNS_01 = "dns-01";
    static final String TKAUTH_01 = "tkauth-01";
    private static final String DNS_NAME = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";

    private AcmeSettings() {
    }

    static Settings.Acme read(SettingsReader r, Path dataDir) {
        Optional<String> provider = r.optional("ZTA_ACME_PROVIDER").map(String::trim);
        provider.ifPresent(p -> {
            if (!p.equalsIgnoreCase("letsencrypt") && !p.equalsIgnoreCase("zerossl") && !p.startsWith("https://")) {
                r.problem("ZTA_ACME_PROVIDER", p, "use letsencrypt, zerossl, or the https URL of an ACME directory", null);
            }
            if (r.optional("CALLSIGN_SIGNING_KEY").isPresent() || r.optional("CALLSIGN_SIGNING_CERT").isPresent()) {
                r.problem("ZTA_ACME_PROVIDER", p, "choose one source of signing credentials: unset ZTA_ACME_PROVIDER"
                        + " for the static CALLSIGN_SIGNING_KEY/CALLSIGN_SIGNING_CERT, or unset those for ACME", null);
            }
        });
        Optional<String> domain = r.optional("ZTA_ACME_DOMAIN").map(String::trim);
        if (provider.isPresent() && domain.isEmpty()) {
            r.problem("ZTA_ACME_DOMAIN", null, "ACME needs the DNS name to certify (also the host of the x5u URL)", null);
        }
        domain.filter(d -> !d.matches(DNS_NAME)).ifPresent(d -> r.problem("ZTA_ACME_DOMAIN", d,
                "use a DNS name without scheme, port or path, e.g. sti.example.com", null));
        Optional<String> email = r.optional("ZTA_ACME_EMAIL").map(String::trim);
        email.filter(e -> !e.matches("[^@\\s]+@[^@\\s]+")).ifPresent(e -> r.problem("ZTA_ACME_EMAIL", e,
                "use an e-mail address such as noc@example.com, or unset it", null));
        String challenge = challenge(r);
        Optional<String> kid = r.optional("CALLSIGN_ACME_EAB_KID");
        Optional<String> hmac = r.secret("CALLSIGN_ACME_EAB_HMAC");
        if (kid.isPresent() != hmac.isPresent()) {
            r.problem(kid.isEmpty() ? "CALLSIGN_ACME_EAB_KID" : "CALLSIGN_ACME_EAB_HMAC", null,
                    "External Account Binding needs CALLSIGN_ACME_EAB_KID and CALLSIGN_ACME_EAB_HMAC together", null);
        }
        Optional<Path> caFile = r.existingPath("CALLSIGN_ACME_CA_FILE").filter(file -> {
            if (!Files.isRegularFile(file)) {
                return r.problem("CALLSIGN_ACME_CA_FILE", file.toString(), "name a PEM file of CA certificates", false);
            }
            return true;
        });
        List<String> hook = dnsHook(r, challenge);
        Duration hookTimeout = r.duration("CALLSIGN_ACME_DNS_HOOK_TIMEOUT", Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ofHours(1));
        Settings.AcmeTkauth tkauth = tkauth(r, challenge);
        Settings.AcmeRenewal renewal = renewal(r);
        Duration timeout = r.duration("CALLSIGN_ACME_TIMEOUT", Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofHours(1));
        if (renewal.leaseTtl().compareTo(timeout) <= 0) {
            r.problem("CALLSIGN_ACME_LEASE_TTL", Durations.format(renewal.leaseTtl()), "make it longer than"
                    + " CALLSIGN_ACME_TIMEOUT (" + Durations.format(timeout) + "), or another instance may order"
                    + " while this one still is", null);
        }
        Path stateDir = stateDir(r, dataDir, provider.isPresent());
        boolean perCertificate = r.bool("CALLSIGN_ACME_X5U_PER_CERT", true);
        boolean staging = r.bool("ZTA_ACME_STAGING", false);
        if (provider.isEmpty()) {
            rejectWithoutProvider(r);
        }
        return new Settings.Acme(provider, email, domain, staging, challenge, kid, hmac, caFile, hook, hookTimeout,
                tkauth, renewal, timeout, stateDir, perCertificate);
    }

    // The default follows what is configured, so that setting a hook or a token URL is enough.
    private static String challenge(SettingsReader r) {
        String implied = r.optional("CALLSIGN_ACME_TKAUTH_TOKEN_URL").isPresent() ? TKAUTH_01
                : r.optional("CALLSIGN_ACME_DNS_HOOK").isPresent() ? DNS_01 : HTTP_01;
        return r.choice("CALLSIGN_ACME_CHALLENGE", implied, HTTP_01, DNS_01, TKAUTH_01);
    }

    private static List<String> dnsHook(SettingsReader r, String challenge) {
        Optional<String> hook = r.optional("CALLSIGN_ACME_DNS_HOOK");
        if (challenge.equals(DNS_01) && hook.isEmpty()) {
            r.problem("CALLSIGN_ACME_DNS_HOOK", null, "dns-01 needs a command, invoked as '<command> present|cleanup"
                    + " <domain> <txt-name> <txt-value>', that publishes the TXT record", null);
        }
        if (hook.isPresent() && !challenge.equals(DNS_01)) {
            r.problem("CALLSIGN_ACME_DNS_HOOK", hook.get(), "only used with CALLSIGN_ACME_CHALLENGE=dns-01; unset it", null);
        }
        return hook.map(text -> Arrays.stream(text.trim().split("\\s+")).toList()).orElse(List.of());
    }

    private static Settings.AcmeTkauth tkauth(SettingsReader r, String challenge) {
        Optional<URI> tokenUrl = r.uri("CALLSIGN_ACME_TKAUTH_TOKEN_URL", "https");
        Optional<String> spc = r.optional("CALLSIGN_ACME_TKAUTH_SPC").map(String::trim);
        spc.filter(s -> !s.matches("[0-9A-Za-z]{1,16}")).ifPresent(s -> r.problem("CALLSIGN_ACME_TKAUTH_SPC", s,
                "use the Service Provider Code: letters and digits, e.g. 1234", null));
        Optional<String> user = r.optional("CALLSIGN_ACME_TKAUTH_USER");
        Optional<String> password = r.secret("CALLSIGN_ACME_TKAUTH_PASSWORD");
        Optional<String> bearer = r.secret("CALLSIGN_ACME_TKAUTH_BEARER_TOKEN");
        if (user.isPresent() != password.isPresent()) {
            r.problem(user.isEmpty() ? "CALLSIGN_ACME_TKAUTH_USER" : "CALLSIGN_ACME_TKAUTH_PASSWORD", null,
                    "STI-PA basic authentication needs CALLSIGN_ACME_TKAUTH_USER and CALLSIGN_ACME_TKAUTH_PASSWORD together", null);
        }
        boolean tkauth = challenge.equals(TKAUTH_01);
        if (tkauth && r.optional("CALLSIGN_ACME_TKAUTH_TOKEN_URL").isEmpty()) {
            r.problem("CALLSIGN_ACME_TKAUTH_TOKEN_URL", null, "tkauth-01 needs the https URL of the STI-PA token API", null);
        }
        if (tkauth && spc.isEmpty()) {
            r.problem("CALLSIGN_ACME_TKAUTH_SPC", null, "tkauth-01 needs our Service Provider Code, e.g. 1234", null);
        }
        if (!tkauth && (spc.isPresent() || user.isPresent() || bearer.isPresent())) {
            r.problem("CALLSIGN_ACME_CHALLENGE", challenge, "CALLSIGN_ACME_TKAUTH_* settings are set: use tkauth-01,"
                    + " or unset them", null);
        }
        return new Settings.AcmeTkauth(tokenUrl, spc, user, password, bearer,
                r.choice("CALLSIGN_ACME_TKAUTH_FINGERPRINT", "jwk-thumbprint", "jwk-thumbprint", "spki"),
                r.choice("CALLSIGN_ACME_TKAUTH_ENCODING", "base64url", "base64url", "base64"),
                r.choice("CALLSIGN_ACME_TKAUTH_FIELD", "tkauth", "tkauth", "atc"));
    }

    private static Settings.AcmeRenewal renewal(SettingsReader r) {
        Duration retryMin = r.duration("CALLSIGN_ACME_RETRY_MIN", Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofDays(1));
        Duration retryMax = r.duration("CALLSIGN_ACME_RETRY_MAX", Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofDays(7));
        if (retryMax.compareTo(retryMin) < 0) {
            r.problem("CALLSIGN_ACME_RETRY_MAX", Durations.format(retryMax), "must not be shorter than"
                    + " CALLSIGN_ACME_RETRY_MIN (" + Durations.format(retryMin) + ")", null);
            retryMax = retryMin;
        }
        return new Settings.AcmeRenewal(
                r.bool("CALLSIGN_ACME_ARI", true),
                r.fraction("CALLSIGN_ACME_RENEW_AT", 2.0 / 3),
                r.duration("CALLSIGN_ACME_ALERT_BEFORE", Duration.ofDays(7), Duration.ZERO, Duration.ofDays(365)),
                retryMin, retryMax,
                r.duration("CALLSIGN_ACME_LEASE_TTL", Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofDays(1)),
                r.duration("CALLSIGN_ACME_SYNC_INTERVAL", Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofDays(1)));
    }

    // A read-only directory (a mounted Secret) works when it already holds the account key.
    private static Path stateDir(SettingsReader r, Path dataDir, boolean acme) {
        Path dir = Path.of(r.string("CALLSIGN_ACME_DIR", dataDir.resolve("acme").toString()));
        if (acme && Files.exists(dir) && !Files.isDirectory(dir)) {
            r.problem("CALLSIGN_ACME_DIR", dir.toString(), "name a directory (it holds the ACME account key and"
                    + " certificate)", null);
        } else if (acme && Files.isDirectory(dir) && !Files.isWritable(dir)
                && !Files.isReadable(dir.resolve("account-key.pem"))) {
            r.problem("CALLSIGN_ACME_DIR", dir.toString(), "the directory is read-only and holds no account-key.pem:"
                    + " make it writable, or put the ACME account key (PEM) there", null);
        }
        return dir;
    }

    // ZTA_ACME_DOMAIN/EMAIL may stay in a shared ConfigMap while ACME is off; our own keys are likely mistakes.
    private static void rejectWithoutProvider(SettingsReader r) {
        for (String key : List.of("CALLSIGN_ACME_CHALLENGE", "CALLSIGN_ACME_EAB_KID",
                "CALLSIGN_ACME_CA_FILE", "CALLSIGN_ACME_DNS_HOOK", "CALLSIGN_ACME_TKAUTH_TOKEN_URL",
                "CALLSIGN_ACME_TKAUTH_SPC", "CALLSIGN_ACME_DIR")) {
            r.optional(key).ifPresent(value -> r.problem(key, value,
                    "has no effect without ZTA_ACME_PROVIDER: set the provider to use ACME, or unset this", null));
        }
    }
}
