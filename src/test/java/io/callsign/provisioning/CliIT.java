package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.TestService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Cli#run} against a real service: every command, its output and its exit code. */
class CliIT {

    private static final String TOKEN = "cli-test-token";
    private static TestService service;
    private static Api api;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("CALLSIGN_PROVISIONING_TOKEN", TOKEN));
        api = new Api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** One CLI run: exit code and what it printed. */
    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("CALLSIGN_URL", service.uri("").toString());
        env.put("CALLSIGN_PROVISIONING_TOKEN", TOKEN);
        env.put("USER", "alice");
        return cli(env, args);
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void managesSubscribersAndRecordsTheOperator() {
        Run put = cli("subscribers", "put", "acct-cli", "--name", "Acme", "--verified", "--user", "a@ims.local",
                "--user", "b@ims.local");
        assertThat(put.code()).as(put.err()).isZero();
        assertThat(put.out()).contains("\"users\" : [ \"a@ims.local\", \"b@ims.local\" ]").contains("\"verified\" : true");
        assertThat(api.sql("SELECT actor FROM audit_log WHERE entity_id = 'acct-cli'")).isEqualTo("api-token (cli:alice)");

        assertThat(cli("subscribers", "get", "acct-cli").out()).contains("\"name\" : \"Acme\"");
        assertThat(cli("subscribers", "list").out()).contains("\"id\":\"acct-cli\"");

        Run stale = cli("subscribers", "put", "acct-cli", "--if-match", "v7");
        assertThat(stale.code()).isEqualTo(Cli.API_ERROR);
        assertThat(stale.err()).contains("If-Match \"v7\" does not match subscriber 'acct-cli', now at \"v1-").contains("(HTTP 412)");

        String tag = api.get("/v1/subscribers/acct-cli", "Authorization", "Bearer " + TOKEN)
                .headers().firstValue("ETag").orElseThrow();
        assertThat(cli("subscribers", "delete", "acct-cli", "--if-match", tag.replace("\"", "")).out())
                .isEqualTo("deleted subscriber acct-cli\n");
        assertThat(api.count("subscribers WHERE id = 'acct-cli'")).isZero();
    }

    @Test
    void managesNumbersBlocksAndTrunks() {
        cli("subscribers", "put", "acct-n");
        assertThat(cli("numbers", "put", "+15145559876", "--subscriber", "acct-n", "--verified", "--valid-from", "2026-01-01")
                .code()).isZero();
        assertThat(api.sql("SELECT verified FROM telephone_numbers WHERE tn = '15145559876'")).isEqualTo("t");
        assertThat(cli("blocks", "put", "blk-n", "--prefix", "1438", "--subscriber", "acct-n").code()).isZero();
        Run trunk = cli("trunks", "put", "cust-n", "--kind", "customer", "--cidr", "192.0.2.0/24", "--cidr", "2001:db8::/48",
                "--subscriber", "acct-n");
        assertThat(trunk.code()).as(trunk.err()).isZero();
        assertThat(api.count("trunk_cidrs WHERE trunk_name = 'cust-n'")).isEqualTo(2);
        assertThat(cli("trunks", "list", "--kind", "customer").out()).contains("\"name\":\"cust-n\"");
        assertThat(cli("blocks", "list", "--covers", "14385550000").out()).contains("\"id\":\"blk-n\"");
        assertThat(cli("numbers", "delete", "15145559876").code()).isZero();
    }

    @Test
    void listsFollowTheCursorWithAll() {
        cli("subscribers", "put", "acct-p");
        for (String tn : List.of("17005550001", "17005550002", "17005550003")) {
            cli("numbers", "put", tn, "--subscriber", "acct-p");
        }
        Run page = cli("numbers", "list", "--prefix", "1700555", "--limit", "2");
        assertThat(page.out().lines()).hasSize(2);
        assertThat(page.err()).contains("more rows: repeat with --after 17005550002");
        Run all = cli("numbers", "list", "--prefix", "1700555", "--limit", "2", "--all");
        assertThat(all.out().lines()).hasSize(3);
    }

    @Test
    void apiRefusalsExitWith1AndPrintTheProblemDetail() {
        Run run = cli("numbers", "put", "15145550000", "--subscriber", "ghost");
        assertThat(run.code()).isEqualTo(Cli.API_ERROR);
        assertThat(run.err()).isEqualTo("callsign: field 'subscriber': subscriber 'ghost' does not exist; "
                + "create it first (PUT /v1/subscribers/ghost) (HTTP 422)\n");
        Map<String, String> noToken = Map.of("CALLSIGN_URL", service.uri("").toString());
        Run unauthorized = cli(noToken, "subscribers", "list");
        assertThat(unauthorized.code()).isEqualTo(Cli.API_ERROR);
        assertThat(unauthorized.err()).contains("Authorization: Bearer").contains("(HTTP 401)");
    }

    @Test
    void usageErrorsExitWith2AndPrintTheUsage() {
        Run missing = cli("numbers", "put");
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).startsWith("callsign: missing TN\nusage: callsign <command> [options]");
        assertThat(cli("numbers", "put", "1", "--verifed").err()).startsWith("callsign: unknown option --verifed");
        assertThat(cli("numbers", "put", "1", "--verified").err()).startsWith("callsign: missing option --subscriber");
        assertThat(cli("numbers", "rename", "1").err()).startsWith("callsign: 'numbers' does list, get, put or delete, not 'rename'");
        assertThat(cli("frobnicate").code()).isEqualTo(Cli.USAGE);
        assertThat(cli("numbers", "list", "--url", "ftp://x").err()).startsWith("callsign: 'ftp://x' is not an http(s) URL");
        assertThat(cli("help").code()).isZero();
        assertThat(cli("help").out()).contains("import FILE.csv [--mode all-or-nothing|report]");
    }

    @Test
    void anUnreachableServiceExitsWith3() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Run run = cli(Map.of(), "subscribers", "list", "--url", "http://127.0.0.1:" + port);
        assertThat(run.code()).isEqualTo(Cli.UNREACHABLE);
        assertThat(run.err()).startsWith("callsign: cannot reach the service at http://127.0.0.1:" + port);
    }

    @Test
    void importsAFileWithProgressAndReportsBadRows(@TempDir Path dir) throws Exception {
        cli("subscribers", "put", "acct-imp");
        StringBuilder csv = new StringBuilder("tn,subscriber,verified\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(String.format("1888%07d,acct-imp,true%n", i));
        }
        csv.append("1888x,acct-imp,true\n");
        Path file = dir.resolve("numbers.csv");
        Files.writeString(file, csv);

        Run refused = cli("import", file.toString());
        assertThat(refused.code()).isEqualTo(Cli.API_ERROR);
        assertThat(refused.err()).contains("  line 5002: field 'tn': '1888x' is not 1-15 digits")
                .contains("1 of 5001 row(s) rejected, so nothing was imported");
        assertThat(api.count("telephone_numbers WHERE tn LIKE '1888%'")).isZero();

        Run report = cli("import", file.toString(), "--mode", "report");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("imported " + file + ": 5001 row(s), 5000 inserted, 0 updated, 0 unchanged, 1 rejected\n"
                + "  line 5002: field 'tn': '1888x' is not 1-15 digits");
        assertThat(report.err()).contains("import: sent " + String.format("%,d", Files.size(file)) + " bytes, 5,002 rows");
        assertThat(api.count("telephone_numbers WHERE tn LIKE '1888%'")).isEqualTo(5000);
        assertThat(cli("import", dir.resolve("absent.csv").toString()).code()).isEqualTo(Cli.USAGE);

        // Refused before the file is sent, and reported as the API's refusal (not as a broken connection).
        Run unauthorized = cli(Map.of("CALLSIGN_URL", service.uri("").toString()), "import", file.toString());
        assertThat(unauthorized.code()).as(unauthorized.err()).isEqualTo(Cli.API_ERROR);
        assertThat(unauthorized.err()).contains("Authorization: Bearer").contains("(HTTP 401)").doesNotContain("import: sent");
    }

    @Test
    void exportsToAFileOrStandardOutput(@TempDir Path dir) throws Exception {
        cli("subscribers", "put", "acct-exp");
        cli("numbers", "put", "19995550001", "--subscriber", "acct-exp", "--verified");
        Path file = dir.resolve("out.csv");
        assertThat(cli("export", file.toString(), "--subscriber", "acct-exp").code()).isZero();
        assertThat(Files.readString(file)).isEqualTo("tn,subscriber,verified,valid_from,valid_until\n19995550001,acct-exp,true,,\n");
        assertThat(cli("export", "--subscriber", "acct-exp").out()).isEqualTo(Files.readString(file));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void explainPrintsTheDecisionAndEveryStep() {
        AtomicReference<ExplainQuery> asked = new AtomicReference<>();
        try (ProvisioningServer server = ProvisioningServer.start(ProvisioningConfig.defaults(), query -> {
            asked.set(query);
            return Map.of("decision", "A", "steps", List.of("trunk cust-1 is a customer trunk of acct-42",
                    "acct-42 holds 15145559876 (verified)"));
        })) {
            Run run = cli(Map.of(), "explain", "--url", server.uri("").toString(), "--tn", "+15145559876",
                    "--trunk", "cust-1", "--source-ip", "192.0.2.10", "--auth-user", "alice@ims.local", "--registered");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("decision: A\nsteps:\n  1. trunk cust-1 is a customer trunk of acct-42\n"
                    + "  2. acct-42 holds 15145559876 (verified)\n");
            assertThat(asked.get()).isEqualTo(new ExplainQuery("15145559876", Optional.of("cust-1"),
                    Optional.of("192.0.2.10"), Optional.of("alice@ims.local"), true,
                    Optional.empty()));

            Run bad = cli(Map.of(), "explain", "--url", server.uri("").toString(), "--tn", "1", "--source-ip", "gw.example");
            assertThat(bad.code()).isEqualTo(Cli.API_ERROR);
            assertThat(bad.err()).contains("query 'sourceIp': 'gw.example' is not an IP address");
        }
    }

    @Test
    void explainAsksTheServicesOwnPolicy() {
        Run run = cli("explain", "--tn", "15145559876", "--source-ip", "198.51.100.9");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("decision: C").contains("198.51.100.9").contains("not authenticated");
    }
}
