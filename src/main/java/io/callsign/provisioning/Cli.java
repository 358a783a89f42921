package io.callsign.provisioning;

import io.callsign.provisioning.ApiClient.ApiException;
import io.callsign.provisioning.CliArgs.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operators' command line: an HTTP client of the provisioning API ({@code callsign numbers put
 * 15145559876 --subscriber acct-42 --verified}). Exit codes: 0 done, 1 the API refused (its problem
 * detail is printed), 2 usage error, 3 the service could not be reached.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int API_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    static final String DEFAULT_URL = "http://127.0.0.1:8080";

    static final String USAGE_TEXT = """
            usage: callsign <command> [options]

              serve                                   run the service (the default command)

              subscribers list [--limit N] [--after ID] [--all]
              subscribers get ID
              subscribers put ID [--name NAME] [--verified] [--user SIP_USER]...
              subscribers delete ID
              numbers list [--subscriber ID] [--prefix DIGITS] [--limit N] [--after TN] [--all]
              numbers get TN
              numbers put TN --subscriber ID [--verified] [--valid-from TIME] [--valid-until TIME]
              numbers delete TN
              blocks list [--subscriber ID] [--prefix DIGITS] [--covers TN] [--limit N] [--after ID] [--all]
              blocks get ID
              blocks put ID --prefix DIGITS --subscriber ID [--verified]
              blocks delete ID
              trunks list [--kind KIND] [--subscriber ID] [--limit N] [--after NAME] [--all]
              trunks get NAME
              trunks put NAME --kind customer|peering|gateway|internal [--cidr CIDR]... [--subscriber ID]
              trunks delete NAME
              import FILE.csv [--mode all-or-nothing|report]   CSV: tn,subscriber,verified[,valid_from,valid_until]
              export [FILE] [--subscriber ID]                  same columns; FILE omitted = standard output
              explain --tn TN [--trunk NAME] [--source-ip IP] [--auth-user USER] [--registered [--from-aor AOR]]

            put replaces the whole row: an option left out takes its default (--verified false, no users).
            TIME is ISO 8601 (2026-01-01T00:00:00Z) or a date (2026-01-01, midnight UTC).

            options of every command above except serve:
              --url URL        the service; default $CALLSIGN_URL, else http://127.0.0.1:8080
              --if-match ETAG  put/delete only while the row is at this version (e.g. v3); else 412
              --create-only    put only when the row does not exist yet
            environment: CALLSIGN_URL, CALLSIGN_PROVISIONING_TOKEN (sent as the bearer token), USER
            (recorded with your changes in the audit log).
            exit codes: 0 done, 1 the API refused (its reason is printed), 2 usage error, 3 service unreachable
            """;

    private Cli() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> words = Arrays.asList(args);
        if (words.isEmpty() || Set.of("help", "--help", "-h").contains(words.get(0))) {
            (words.isEmpty() ? err : out).print(USAGE_TEXT);
            return words.isEmpty() ? USAGE : OK;
        }
        Optional<URI> url = Optional.empty();
        try {
            Command command = command(words);
            CliArgs parsed = CliArgs.parse(command.arguments(), command.valued(), command.flags());
            url = Optional.of(url(parsed, env));
            ApiClient api = new ApiClient(url.get(), Optional.ofNullable(env.get("CALLSIGN_PROVISIONING_TOKEN")),
                    Optional.ofNullable(env.get("USER")).map(user -> "cli:" + user));
            return command.action().run(api, parsed, out, err);
        } catch (UsageException e) {
            err.println("callsign: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (ApiException e) {
            err.println("callsign: " + e.getMessage() + " (HTTP " + e.status() + ")");
            return API_ERROR;
        } catch (IOException e) {
            err.println("callsign: cannot reach the service at " + url.map(URI::toString).orElse("?") + ": "
                    + (e instanceof ConnectException ? "connection refused"
                            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; is it running? (--url or CALLSIGN_URL)");
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("callsign: interrupted");
            return UNREACHABLE;
        }
    }

    /** One command: its arguments (after the command words), options and what it does. */
    record Command(List<String> arguments, Set<String> valued, Set<String> flags, Action action) {
    }

    /** What a command does once its arguments are parsed. */
    @FunctionalInterface
    interface Action {
        int run(ApiClient api, CliArgs args, PrintStream out, PrintStream err)
                throws IOException, InterruptedException, ApiException;
    }

    private static Command command(List<String> words) {
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (first) {
            case "subscribers", "numbers", "blocks", "trunks":
                if (rest.isEmpty()) {
                    throw new UsageException("'" + first + "' needs list, get, put or delete");
                }
                return CliResources.command(first, rest.get(0), rest.subList(1, rest.size()));
            case "import", "export", "explain":
                return CliTransfers.command(first, rest);
            default:
                throw new UsageException("unknown command '" + first + "'");
        }
    }

    private static URI url(CliArgs args, Map<String, String> env) {
        String text = args.option("url").orElse(env.getOrDefault("CALLSIGN_URL", DEFAULT_URL));
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new UsageException("'" + text + "' is not an http(s) URL of the service, such as " + DEFAULT_URL);
    }

    static Set<String> with(Set<String> base, String... more) {
        HashSet<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
