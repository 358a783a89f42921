package io.callsign.config;

import io.callsign.database.DatabaseConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads every setting into {@link Settings}, collecting all problems before failing. The one place
 * that knows the setting names; the README's settings table mirrors it.
 */
public final class SettingsLoader {

    private SettingsLoader() {
    }

    /**
     * Loads from the process environment (and the file/directory it names). The {@code checks} of
     * features (e.g. whether key files fit their certificates) run on the result; their problems are
     * reported together with the others.
     */
    public static Loaded load(Map<String, String> environment, SettingsCheck... checks) {
        SettingsReader reader = new SettingsReader(SettingsSources.fromEnvironment(environment));
        Settings settings = read(reader);
        for (SettingsCheck check : checks) {
            check.problems(settings).forEach(p -> reader.problem(p.key(), p.value(), p.fix(), null));
        }
        reader.finish();
        return new Loaded(settings, reader.effectiveConfiguration());
    }

    private static Settings read(SettingsReader r) {
        Path dataDir = Path.of(r.string("CALLSIGN_DATA_DIR", "callsign-data"));
        Settings.Http http = new Settings.Http(
                r.hostPort("CALLSIGN_LISTEN", "0.0.0.0:8080").orElse(new HostPort("0.0.0.0", 8080)),
                r.integer("CALLSIGN_MAX_BODY_BYTES", 65_536, 1_024, 16 * 1024 * 1024),
                r.integer("CALLSIGN_SHUTDOWN_GRACE_SECONDS", 20, 0, 600));
        Settings.Rpc rpc = rpc(r);
        DatabaseConfig database = new DatabaseConfig(
                r.uri("CALLSIGN_DB_URL", "jdbc").map(Object::toString),
                r.string("CALLSIGN_DB_USER", "callsign"),
                r.secret("CALLSIGN_DB_PASSWORD").orElse(""),
                r.integer("CALLSIGN_DB_POOL_SIZE", 10, 1, 500),
                dataDir);
        Settings.Snapshot snapshot = new Settings.Snapshot(
                r.integer("CALLSIGN_SNAPSHOT_REFRESH_SECONDS", 300, 10, 86_400),
                r.integer("CALLSIGN_SNAPSHOT_POLL_MS", 1_000, 50, 60_000),
                r.integer("CALLSIGN_SNAPSHOT_MAX_BACKOFF_SECONDS", 30, 1, 3_600),
                r.integer("CALLSIGN_SNAPSHOT_MAX_AGE_SECONDS", 120, 5, 86_400));
        Settings.Acme acme = AcmeSettings.read(r, dataDir);
        return new Settings(dataDir, http, rpc, database, snapshot, stir(r), credentials(r, acme), verification(r), acme,
                new Settings.Provisioning(r.secret("CALLSIGN_PROVISIONING_TOKEN"),
                        r.longInteger("CALLSIGN_IMPORT_MAX_BYTES", 10L * 1024 * 1024 * 1024, 1_024, Long.MAX_VALUE),
                        r.integer("CALLSIGN_IMPORT_IDLE_TIMEOUT_SECONDS", 60, 1, 86_400)));
    }

    private static Settings.Stir stir(SettingsReader r) {
        String countryCode = r.string("CALLSIGN_DEFAULT_COUNTRY_CODE", "1");
        if (!countryCode.matches("[1-9][0-9]{0,2}")) {
            countryCode = r.problem("CALLSIGN_DEFAULT_COUNTRY_CODE", countryCode,
                    "use the E.164 country code in digits, e.g. 1 or 33", "1");
        }
        String spc = r.string("CALLSIGN_LAB_SPC", "1001");
        if (!spc.matches("[0-9A-Z]{1,16}")) {
            spc = r.problem("CALLSIGN_LAB_SPC", spc, "use digits and upper-case letters (ATIS-1000080), e.g. 1001", "1001");
        }
        return new Settings.Stir(
                r.bool("SBC_ENABLE_STIR", true),
                r.choice("SBC_STIR_ATTESTATION", "auto", "A", "B", "C", "auto"),
                r.choice("CALLSIGN_ATTEST_OVERRIDE", "deny", "deny", "downgrade", "allow"),
                r.bool("CALLSIGN_ATTEST_REQUIRE_KYC", true),
                countryCode,
                spc,
                r.choice("CALLSIGN_CRYPTO_PROVIDER", "auto", "auto", "accp", "bc", "jdk"),
                r.integer("CALLSIGN_SIGN_MAX_DATE_SKEW_SECONDS", 60, 1, 3_600));
    }

    private static Settings.Rpc rpc(SettingsReader r) {
        int maxBytes = r.integer("CALLSIGN_RPC_MAX_REQUEST_BYTES", 65_536, 1_024, 16 * 1024 * 1024);
        return r.optional("CALLSIGN_RPC_LISTEN")
                .filter(text -> !text.equalsIgnoreCase("off"))
                .map(text -> {
                    try {
                        return new Settings.Rpc(io.callsign.rpc.RpcConfig.parseListeners(text), maxBytes);
                    } catch (IllegalArgumentException e) {
                        return r.problem("CALLSIGN_RPC_LISTEN", text, e.getMessage()
                                + "; use [netstring:|json:]host:port[,...], e.g. netstring:0.0.0.0:8090,json:0.0.0.0:8091",
                                new Settings.Rpc(java.util.List.of(), maxBytes));
                    }
                })
                .orElse(new Settings.Rpc(java.util.List.of(), maxBytes));
    }

    private static Settings.Credentials credentials(SettingsReader r, Settings.Acme acme) {
        var key = r.existingPath("CALLSIGN_SIGNING_KEY");
        var cert = r.existingPath("CALLSIGN_SIGNING_CERT");
        var x5u = r.uri("CALLSIGN_X5U", "https");
        // With ACME, CALLSIGN_X5U alone names where the ACME chain is published.
        boolean anyStatic = r.optional("CALLSIGN_SIGNING_KEY").isPresent() || r.optional("CALLSIGN_SIGNING_CERT").isPresent()
                || (r.optional("CALLSIGN_X5U").isPresent() && !acme.enabled());
        if (anyStatic) {
            requireTogether(r, "CALLSIGN_SIGNING_KEY");
            requireTogether(r, "CALLSIGN_SIGNING_CERT");
            requireTogether(r, "CALLSIGN_X5U");
        }
        var tlsKey = r.existingPath("CALLSIGN_TLS_KEY");
        var tlsCert = r.existingPath("CALLSIGN_TLS_CERT");
        boolean tlsIdentity = r.optional("CALLSIGN_TLS_KEY").isPresent() || r.optional("CALLSIGN_TLS_CERT").isPresent();
        if (tlsIdentity && (r.optional("CALLSIGN_TLS_KEY").isEmpty() || r.optional("CALLSIGN_TLS_CERT").isEmpty())) {
            r.problem(r.optional("CALLSIGN_TLS_KEY").isEmpty() ? "CALLSIGN_TLS_KEY" : "CALLSIGN_TLS_CERT", null,
                    "the HTTPS listener's certificate needs CALLSIGN_TLS_KEY and CALLSIGN_TLS_CERT together", null);
        }
        // Lab mode (no static credentials, no ACME) serves its own generated TLS certificate; ACME
        // http-01/dns-01 certificates are web certificates for the x5u host, so TLS can present them.
        boolean lab = !anyStatic && !acme.enabled();
        boolean acmeTls = acme.enabled() && !anyStatic && acme.issuesWebCertificate();
        boolean tlsExplicit = r.optional("CALLSIGN_TLS_LISTEN").isPresent();
        var tls = r.hostPort("CALLSIGN_TLS_LISTEN", lab || tlsIdentity || acmeTls ? "0.0.0.0:8443" : "off");
        if (tls.isPresent() && !lab && !tlsIdentity && !acmeTls) {
            r.problem("CALLSIGN_TLS_LISTEN", tls.get().toString(), "the HTTPS listener needs a certificate outside lab "
                    + "mode" + (acme.enabled() ? " (a tkauth-01 STI certificate is not a web certificate)" : "")
                    + ": set CALLSIGN_TLS_KEY and CALLSIGN_TLS_CERT (PEM), or CALLSIGN_TLS_LISTEN=off", null);
        }
        return new Settings.Credentials(key, cert, x5u, tls, tlsExplicit, tlsKey, tlsCert, labHost(r));
    }

    private static String labHost(SettingsReader r) {
        String host = r.string("CALLSIGN_LAB_HOST", "127.0.0.1").trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean dnsName = host.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
        boolean ipv6 = host.matches("[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*"); // at least two colons: not host:port
        if (!dnsName && !ipv6) {
            return r.problem("CALLSIGN_LAB_HOST", host,
                    "use a host name or IP address without scheme or port, e.g. 127.0.0.1 or sbc.lab.example", "127.0.0.1");
        }
        return host;
    }

    private static void requireTogether(SettingsReader r, String key) {
        if (r.optional(key).isEmpty()) {
            r.problem(key, null, "static credentials need CALLSIGN_SIGNING_KEY, CALLSIGN_SIGNING_CERT and CALLSIGN_X5U together", null);
        }
    }

    private static Settings.Verification verification(SettingsReader r) {
        List<String> allow = r.optional("CALLSIGN_X5U_ALLOW")
                .map(text -> Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
        return new Settings.Verification(
                r.existingPath("CALLSIGN_TRUST_ANCHORS"),
                r.existingPath("CALLSIGN_HTTPS_CA"),
                allow,
                r.integer("CALLSIGN_IAT_MAX_AGE", 60, 1, 86_400),
                r.choice("CALLSIGN_VERIFY_FAILURE", "continue", "continue", "reject"),
                r.choice("CALLSIGN_VERIFY_PROFILE", "rfc", "rfc", "strict"),
                r.bool("CALLSIGN_REQUIRE_DATE", false),
                r.bool("CALLSIGN_REQUIRE_IDENTITY", false),
                r.choice("CALLSIGN_REPLAY", "flag", "flag", "reject", "off"),
                r.integer("CALLSIGN_REPLAY_CACHE_SIZE", 100_000, 1, 10_000_000),
                r.choice("CALLSIGN_REASON_PROTOCOL", "SIP", "SIP", "STIR"),
                r.choice("CALLSIGN_VERSTAT_URI", "pai", "pai", "pai-or-from", "off"),
                x5u(r));
    }

    private static Settings.X5u x5u(SettingsReader r) {
        return new Settings.X5u(
                ports(r, "CALLSIGN_X5U_PORTS", "443,8443"),
                r.integer("CALLSIGN_X5U_TIMEOUT_MS", 2_000, 100, 60_000),
                r.integer("CALLSIGN_X5U_MAX_BYTES", 65_536, 1_024, 4 * 1024 * 1024),
                r.integer("CALLSIGN_X5U_MAX_CHAIN", 5, 1, 20),
                r.integer("CALLSIGN_X5U_CACHE_SIZE", 10_000, 1, 1_000_000),
                r.integer("CALLSIGN_X5U_MIN_TTL_S", 86_400, 1, 30 * 86_400),
                r.integer("CALLSIGN_X5U_NEGATIVE_TTL_MS", 30_000, 1, 3_600_000),
                r.integer("CALLSIGN_X5U_STALE_S", 3_600, 0, 7 * 86_400),
                r.integer("CALLSIGN_X5U_MAX_FETCHES", 8, 1, 256),
                r.choice("CALLSIGN_CERT_PROFILE", "warn", "warn", "strict"),
                r.choice("CALLSIGN_CRL_CHECK", "open", "off", "open", "closed"),
                r.integer("CALLSIGN_CRL_MAX_BYTES", 1024 * 1024, 1_024, 64 * 1024 * 1024),
                r.integer("CALLSIGN_CRL_MAX_TTL_S", 86_400, 1, 30 * 86_400),
                r.integer("CALLSIGN_TRUST_ANCHORS_CHECK_S", 60, 1, 86_400));
    }

    /** A comma-separated list of TCP ports; all bad entries reported at once. */
    private static List<Integer> ports(SettingsReader r, String key, String defaultValue) {
        String text = r.string(key, defaultValue);
        List<Integer> ports = new java.util.ArrayList<>();
        for (String entry : text.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                int port = Integer.parseInt(entry.trim());
                if (port >= 1 && port <= 65_535) {
                    ports.add(port);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            r.problem(key, text, "use TCP ports 1..65535 separated by commas, e.g. 443,8443", null);
            return List.of(443, 8443);
        }
        return ports.isEmpty() ? r.problem(key, text, "name at least one port, e.g. 443,8443", List.of(443, 8443)) : ports;
    }

    /** The settings and the effective-configuration text to log once at start-up. */
    public record Loaded(Settings settings, String effectiveConfiguration) {
    }
}
