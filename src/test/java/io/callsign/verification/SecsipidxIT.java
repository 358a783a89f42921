package io.callsign.verification;

import static io.callsign.verification.Fixture.DEST;
import static io.callsign.verification.Fixture.NOW;
import static io.callsign.verification.Fixture.NOW_S;
import static io.callsign.verification.Fixture.ORIG;
import static io.callsign.verification.Fixture.ORIGID;
import static io.callsign.verification.Fixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.certificates.CertificatesConfig;
import io.callsign.certificates.CredentialResolver;
import io.callsign.certificates.TestPki;
import io.callsign.certificates.TrustAnchors;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.callsign.ops.Metrics;
import io.callsign.passport.ShakenClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with secsipid (Kamailio's STIR/SHAKEN library) through its command-line tool:
 * PASSporTs signed by {@code secsipidx} pass our verifier (fetching the chain over HTTPS), and ours
 * pass {@code secsipidx -check}. The tool is required: the test fails when it is not installed.
 */
class SecsipidxIT {

    private static X5uServer server;
    private static CredentialResolver resolver;
    private static String x5u;
    private static String secsipidx;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        secsipidx = onPath("secsipidx");
        server = new X5uServer();
        x5u = server.serve("/sti/cert.pem", Fixture.PKI.chainPem(Fixture.LEAF));
        CertificatesConfig config = CertificatesConfig.defaults().toBuilder().x5uPorts(Set.of(server.port()))
                .x5uAllow(List.of("127.0.0.1/32")).fetchTimeout(Duration.ofSeconds(5))
                .crlCheck(CertificatesConfig.CrlCheck.OFF).build();
        resolver = CredentialResolver.create(config, TrustAnchors.of(List.of(Fixture.PKI.root().certificate())),
                List.of(server.tlsCa()), Fixture.clock());
        Files.writeString(dir.resolve("key.pem"), pkcs8(Fixture.LEAF), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("cert.pem"), TestPki.pem(Fixture.LEAF.certificate()), StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void stop() {
        resolver.close();
        server.close();
    }

    private static String onPath(String tool) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(tool + " is not installed (Debian package 'secsipidx'); the interop tests need it");
    }

    private static String pkcs8(TestPki.Issued issued) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(issued.privateKey().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(secsipidx));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("secsipidx did not finish within 20 s: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    private static VerifyResponse verify(String identity) {
        VerificationService service = Fixture.service(VerificationConfig.defaults(), resolver::resolve);
        return service.verify(Fixture.request(List.of(identity), date(NOW)));
    }

    @Test
    void aFullIdentityHeaderSignedBySecsipidxPasses() throws Exception {
        // -sign-full stamps iat with the real clock, so this test runs at real time with a leaf valid now.
        Instant now = Instant.now();
        TestPki.Issued current = Fixture.PKI.leaf(Fixture.PKI.leafSpec()
                .withValidity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        String currentX5u = server.serve("/sti/current.pem", Fixture.PKI.chainPem(current));
        Path key = Files.writeString(dir.resolve("current-key.pem"), pkcs8(current), StandardCharsets.US_ASCII);
        Run signed = run("-sign-full", "-fprvkey", key.toString(), "-x5u", currentX5u, "-attest", "B",
                "-orig-tn", ORIG, "-dest-tn", DEST, "-orig-id", ORIGID);
        assertThat(signed.exit()).as(signed.out()).isZero();

        VerificationService service = new VerificationService(VerificationConfig.defaults(), resolver::resolve,
                Clock.systemUTC(), new Metrics());
        VerifyResponse response = service.verify(Fixture.request(List.of(signed.out()), date(Instant.now())));

        assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(response.attest()).isEqualTo("B");
        assertThat(response.origid()).isEqualTo(ORIGID);
    }

    @Test
    void aBareTokenSignedBySecsipidxPassesOnceWrappedInAnIdentityHeader() throws Exception {
        Run signed = run("-sign", "-fprvkey", dir.resolve("key.pem").toString(), "-x5u", x5u, "-attest", "C",
                "-orig-tn", ORIG, "-dest-tn", DEST, "-orig-id", ORIGID, "-iat", String.valueOf(NOW_S));
        assertThat(signed.exit()).as(signed.out()).isZero();

        VerifyResponse response = verify(signed.out() + ";info=<" + x5u + ">;alg=ES256;ppt=shaken");

        assertThat(response.verstat()).as(response.detail()).isEqualTo("TN-Validation-Passed");
        assertThat(response.attest()).isEqualTo("C");
    }

    @Test
    void ourIdentityHeaderPassesSecsipidxCheckAndATamperedOneDoesNot() throws Exception {
        // secsipidx -check judges iat against the real clock; without -expire it allows no age at all, so a
        // check that starts in the next second would call the token expired.
        ShakenClaims fresh = Fixture.claims("A", Instant.now().getEpochSecond());
        String ours = Fixture.identity(fresh, x5u, Fixture.LEAF.privateKey());
        int dot = ours.indexOf('.');
        String tampered = ours.substring(0, dot + 3) + (ours.charAt(dot + 3) == 'A' ? 'B' : 'A') + ours.substring(dot + 4);
        String certificate = dir.resolve("cert.pem").toString();

        Run good = run("-check", "-identity", ours, "-fpubkey", certificate, "-expire", "60");
        Run bad = run("-check", "-identity", tampered, "-fpubkey", certificate, "-expire", "60");

        assertThat(good.exit()).as(good.out()).isZero();
        assertThat(good.out()).endsWith("ok");
        assertThat(bad.exit()).as(bad.out()).isNotZero();
    }
}
