package io.callsign.provisioning.bench;

import io.callsign.TestService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * "Import 1,000,000 numbers from CSV" through the HTTP API, timed end to end (upload, parse, COPY,
 * upsert, commit), then the same file again (the idempotent re-run). Target: under 60 s on 2 cores.
 *
 * <pre>
 * mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     io.callsign.provisioning.bench.ImportBenchmark [ROWS] [URL]
 * </pre>
 * Without URL it starts a service over a fresh test database; with one it uses that service (and
 * CALLSIGN_PROVISIONING_TOKEN if set), creating subscribers bench-0..bench-99 there.
 */
public final class ImportBenchmark {

    private static final int SUBSCRIBERS = 100;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Optional<String> url = args.length > 1 ? Optional.of(args[1]) : Optional.empty();
        Path csv = Files.createTempFile("callsign-import-", ".csv");
        try (TestService service = url.isPresent() ? null : TestService.start(Map.of())) {
            URI base = url.map(URI::create).orElseGet(() -> service.uri(""));
            long generate = System.nanoTime();
            generate(csv, rows);
            System.out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(csv), seconds(generate));
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                check(http.send(request(base, "/v1/subscribers/bench-" + i)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"verified\":true}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            run(http, base, csv, rows, "first import");
            run(http, base, csv, rows, "re-import (nothing changes)");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void run(HttpClient http, URI base, Path csv, int rows, String label) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(base, "/v1/numbers:import")
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = seconds(start);
        check(response);
        System.out.printf("%s: %,d rows in %.1f s = %,.0f rows/s; %s%n", label, rows, seconds, rows / seconds, response.body());
    }

    private static void generate(Path csv, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("tn,subscriber,verified\n");
            for (int i = 0; i < rows; i++) {
                out.write("1514" + String.format("%07d", i) + ",bench-" + (i % SUBSCRIBERS) + "," + (i % 3 != 0) + "\n");
            }
        }
    }

    private static HttpRequest.Builder request(URI base, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path));
        String token = System.getenv("CALLSIGN_PROVISIONING_TOKEN");
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
