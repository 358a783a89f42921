package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callsign.http.JsonBodies;
import io.callsign.provisioning.ApiClient.ApiException;
import io.callsign.provisioning.CliArgs.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** {@code subscribers|numbers|blocks|trunks list|get|put|delete}: one table of nouns, four verbs. */
final class CliResources {

    /** A CLI noun: its API collection, list filters, and how put options become the JSON body. */
    private record Noun(String path, String key, Set<String> filters, Set<String> putValued, Set<String> putFlags,
            BiConsumer<CliArgs, ObjectNode> body) {
    }

    private static final Map<String, Noun> NOUNS = Map.of(
            "subscribers", new Noun("/v1/subscribers", "ID", Set.of(), Set.of("name", "user"), Set.of("verified"),
                    (a, b) -> {
                        a.option("name").ifPresent(n -> b.put("name", n));
                        b.put("verified", a.flag("verified"));
                        a.all("user").forEach(b.putArray("users")::add);
                    }),
            "numbers", new Noun("/v1/numbers", "TN", Set.of("subscriber", "prefix"),
                    Set.of("subscriber", "valid-from", "valid-until"), Set.of("verified"),
                    (a, b) -> {
                        b.put("subscriber", a.required("subscriber"));
                        b.put("verified", a.flag("verified"));
                        a.option("valid-from").ifPresent(v -> b.put("validFrom", v));
                        a.option("valid-until").ifPresent(v -> b.put("validUntil", v));
                    }),
            "blocks", new Noun("/v1/number-blocks", "ID", Set.of("subscriber", "prefix", "covers"),
                    Set.of("prefix", "subscriber"), Set.of("verified"),
                    (a, b) -> {
                        b.put("prefix", a.required("prefix"));
                        b.put("subscriber", a.required("subscriber"));
                        b.put("verified", a.flag("verified"));
                    }),
            "trunks", new Noun("/v1/trunks", "NAME", Set.of("kind", "subscriber"), Set.of("kind", "cidr", "subscriber"),
                    Set.of(),
                    (a, b) -> {
                        b.put("kind", a.required("kind"));
                        a.all("cidr").forEach(b.putArray("cidrs")::add);
                        a.option("subscriber").ifPresent(s -> b.put("subscriber", s));
                    }));

    private CliResources() {
    }

    static Cli.Command command(String noun, String verb, List<String> arguments) {
        Noun n = NOUNS.get(noun);
        Set<String> url = Set.of("url");
        return switch (verb) {
            case "list" -> new Cli.Command(arguments, Cli.with(n.filters(), "url", "limit", "after"), Set.of("all"),
                    (api, args, out, err) -> list(api, n, args, out, err));
            case "get" -> new Cli.Command(arguments, url, Set.of(), (api, args, out, err) -> get(api, n, args, out));
            case "put" -> new Cli.Command(arguments, Cli.with(n.putValued(), "url", "if-match"),
                    Cli.with(n.putFlags(), "create-only"), (api, args, out, err) -> put(api, n, args, out));
            case "delete" -> new Cli.Command(arguments, Set.of("url", "if-match"), Set.of(),
                    (api, args, out, err) -> delete(api, n, noun, args, out));
            default -> throw new UsageException("'" + noun + "' does list, get, put or delete, not '" + verb + "'");
        };
    }

    private static int list(ApiClient api, Noun noun, CliArgs args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, ApiException {
        args.expectPositionals(0);
        Map<String, String> query = new LinkedHashMap<>();
        for (String filter : Cli.with(noun.filters(), "limit", "after")) {
            args.option(filter).ifPresent(v -> query.put(filter, v));
        }
        while (true) {
            JsonNode page = api.send(api.request(noun.path(), query).GET().build());
            for (JsonNode item : page.get("items")) {
                out.println(item);
            }
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                return Cli.OK;
            }
            if (!args.flag("all")) {
                err.println("more rows: repeat with --after " + next.asText() + " (or list with --all)");
                return Cli.OK;
            }
            query.put("after", next.asText());
        }
    }

    private static int get(ApiClient api, Noun noun, CliArgs args, PrintStream out)
            throws IOException, InterruptedException, ApiException {
        String key = key(noun, args);
        out.println(pretty(api.send(api.request(noun.path() + "/" + ApiClient.segment(key), Map.of()).GET().build())));
        return Cli.OK;
    }

    private static int put(ApiClient api, Noun noun, CliArgs args, PrintStream out)
            throws IOException, InterruptedException, ApiException {
        String key = key(noun, args);
        ObjectNode body = JsonBodies.MAPPER.createObjectNode();
        noun.body().accept(args, body);
        HttpRequest.Builder request = conditional(api.request(noun.path() + "/" + ApiClient.segment(key), Map.of()), args)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (args.flag("create-only")) {
            request.header("If-None-Match", "*");
        }
        out.println(pretty(api.send(request.build())));
        return Cli.OK;
    }

    private static int delete(ApiClient api, Noun noun, String name, CliArgs args, PrintStream out)
            throws IOException, InterruptedException, ApiException {
        String key = key(noun, args);
        api.send(conditional(api.request(noun.path() + "/" + ApiClient.segment(key), Map.of()), args).DELETE().build());
        out.println("deleted " + name.substring(0, name.length() - 1) + " " + key);
        return Cli.OK;
    }

    private static String key(Noun noun, CliArgs args) {
        String key = args.positional(0, noun.key());
        args.expectPositionals(1);
        return key;
    }

    // Accepts v3 or "v3" and sends the quoted entity tag.
    private static HttpRequest.Builder conditional(HttpRequest.Builder request, CliArgs args) {
        args.option("if-match").ifPresent(tag -> request.header("If-Match",
                tag.startsWith("\"") || tag.equals("*") ? tag : "\"" + tag + "\""));
        return request;
    }

    static String pretty(JsonNode json) throws IOException {
        return json == null ? "" : JsonBodies.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    }
}
