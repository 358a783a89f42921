package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.provisioning.ApiClient.ApiException;
import io.callsign.provisioning.CliArgs.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code import}, {@code export} and {@code explain}. */
final class CliTransfers {

    private CliTransfers() {
    }

    static Cli.Command command(String name, List<String> arguments) {
        return switch (name) {
            case "import" -> new Cli.Command(arguments, Set.of("url", "mode"), Set.of(), CliTransfers::importFile);
            case "export" -> new Cli.Command(arguments, Set.of("url", "subscriber"), Set.of(),
                    (api, args, out, err) -> export(api, args, out));
            default -> new Cli.Command(arguments, Set.of("url", "tn", "trunk", "source-ip", "auth-user", "from-aor"),
                    Set.of("registered"), (api, args, out, err) -> explain(api, args, out));
        };
    }

    private static int importFile(ApiClient api, CliArgs args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException, ApiException {
        Path file = Path.of(args.positional(0, "FILE.csv"));
        args.expectPositionals(1);
        String mode = args.option("mode").orElse("all-or-nothing");
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new UsageException("cannot read '" + file + "'");
        }
        long size = Files.size(file);
        // Access is checked with a small request first: a refusal is then reported as such, rather
        // than as a connection broken while the file was being sent.
        api.send(api.request("/v1/numbers", Map.of("limit", "1")).GET().build());
        ImportProgress progress = new ImportProgress(err, System.console() != null, size, System::nanoTime);
        HttpResponse<String> response;
        try (InputStream in = progress.counting(Files.newInputStream(file))) {
            HttpRequest request = api.request("/v1/numbers:import", Map.of("mode", mode))
                    .timeout(Duration.ofHours(12))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> in), size))
                    .build();
            progress.start();
            response = api.exchange(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            progress.stop();
        }
        JsonNode report;
        try {
            report = ApiClient.json(response.statusCode(), response.body());
        } catch (ApiException e) {
            rejected(e.body(), err);
            throw e;
        }
        out.printf("imported %s: %d row(s), %d inserted, %d updated, %d unchanged, %d rejected%n", file,
                report.path("rows").asLong(), report.path("inserted").asLong(), report.path("updated").asLong(),
                report.path("unchanged").asLong(), report.path("rejectedCount").asLong());
        rejected(report, out);
        return Cli.OK;
    }

    private static void rejected(JsonNode report, PrintStream to) {
        if (report == null || !report.has("rejected")) {
            return;
        }
        for (JsonNode row : report.get("rejected")) {
            to.println("  line " + row.path("line").asLong() + ": " + row.path("reason").asText());
        }
        long more = report.path("rejectedCount").asLong() - report.get("rejected").size();
        if (more > 0) {
            to.println("  ... and " + more + " more rejected row(s)");
        }
    }

    private static int export(ApiClient api, CliArgs args, PrintStream out)
            throws IOException, InterruptedException, ApiException {
        args.expectPositionals(1);
        Map<String, String> query = new LinkedHashMap<>();
        args.option("subscriber").ifPresent(s -> query.put("subscriber", s));
        HttpRequest request = api.request("/v1/numbers:export", query).timeout(Duration.ofHours(12)).GET().build();
        HttpResponse<InputStream> response = api.exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                ApiClient.json(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            if (args.positional().isEmpty()) {
                body.transferTo(out);
                out.flush();
                return Cli.OK;
            }
            // Written aside and moved into place, so a broken download never looks like a complete file.
            Path target = Path.of(args.positional().get(0)).toAbsolutePath();
            Path partial = Files.createTempFile(target.getParent(), ".export-", ".csv.partial");
            try (OutputStream file = Files.newOutputStream(partial)) {
                body.transferTo(file);
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return Cli.OK;
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot write to " + e.getFile());
        }
    }

    private static int explain(ApiClient api, CliArgs args, PrintStream out)
            throws IOException, InterruptedException, ApiException {
        args.expectPositionals(0);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tn", args.required("tn"));
        args.option("trunk").ifPresent(v -> query.put("trunk", v));
        args.option("source-ip").ifPresent(v -> query.put("sourceIp", v));
        args.option("auth-user").ifPresent(v -> query.put("authUser", v));
        query.put("registered", String.valueOf(args.flag("registered")));
        args.option("from-aor").ifPresent(v -> query.put("fromAor", v));
        JsonNode answer = api.send(api.request("/v1/explain", query).GET().build());
        ExplainPrinter.print(answer, out);
        return Cli.OK;
    }
}
