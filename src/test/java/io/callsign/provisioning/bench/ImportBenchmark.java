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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

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
            Optional<DataSource> db = Optional.ofNullable(service).map(t -> t.database().dataSource());
            run(http, base, csv, rows, "first import", db);
            run(http, base, csv, rows, "re-import (nothing changes)", db);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void run(HttpClient http, URI base, Path csv, int rows, String label, Optional<DataSource> db)
            throws Exception {
        double jvmBefore = jvmCpuSeconds();
        double pgBefore = db.isPresent() ? postgresCpuSeconds(db.get()) : 0;
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request(base, "/v1/numbers:import")
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = seconds(start);
        check(response);
        System.out.printf("%s: %,d rows in %.1f s = %,.0f rows/s; %s%n", label, rows, seconds, rows / seconds, response.body());
        // Wall time depends on what else the machine runs; CPU time is the work itself.
        System.out.printf("  CPU used: %.1f s in this JVM (client and service), %.1f s in PostgreSQL backends; "
                + "load average %.1f%n", jvmCpuSeconds() - jvmBefore,
                db.isPresent() ? postgresCpuSeconds(db.get()) - pgBefore : Double.NaN,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double jvmCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
    }

    /** utime + stime of this database's backends, from /proc (Linux; clock ticks of 1/100 s). */
    private static double postgresCpuSeconds(DataSource db) throws Exception {
        double total = 0;
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (r.next()) {
                Path stat = Path.of("/proc", r.getString(1), "stat");
                if (Files.isReadable(stat)) {
                    String text = Files.readString(stat);
                    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                }
            }
        }
        return total;
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
