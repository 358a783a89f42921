package io.callsign.verification.bench;

import io.callsign.certificates.Credential;
import io.callsign.certificates.Resolution;
import io.callsign.certificates.TestPki;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ProviderChoice;
import io.callsign.passport.ShakenClaims;
import io.callsign.verification.VerificationConfig;
import io.callsign.verification.VerificationService;
import io.callsign.verification.VerifyRequest;
import io.callsign.verification.VerifyResponse;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Warm in-process verification throughput: {@link VerificationService#verify} for one call whose
 * credential is already cached (the resolver answers from memory, the prepared ES256 verifier is
 * reused): Identity header parse, strict PASSporT decode, number canonicalisation, freshness, one
 * ECDSA P-256 verification, verdict and response building. Replay detection is off because every
 * iteration repeats the same PASSporT. Run from the test classpath, e.g.
 * {@code java -cp <test classpath> io.callsign.verification.bench.VerifyBenchmark [jmh options]}
 * ({@code -t 2} for two threads, {@code -p provider=BOUNCY_CASTLE}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class VerifyBenchmark {

    @Param({"AUTO"})
    public String provider;

    private VerificationService service;
    private VerifyRequest request;

    @Setup
    public void setUp() {
        TestPki pki = TestPki.create();
        TestPki.Issued leaf = pki.leaf();
        String x5u = "https://sti.example.net/cert.pem";
        Credential credential = new Credential(x5u, pki.chain(leaf), pki.chain(leaf), pki.root().certificate(),
                (ECPublicKey) leaf.certificate().getPublicKey(), TestPki.SPC,
                leaf.certificate().getNotBefore().toInstant(), leaf.certificate().getNotAfter().toInstant(),
                Optional.empty(), List.of());
        Resolution warm = new Resolution.Trusted(credential, List.of());
        VerificationConfig config = VerificationConfig.defaults().withReplay(VerificationConfig.Replay.OFF);
        service = new VerificationService(config, (url, time) -> warm, Es256.on(ProviderChoice.valueOf(provider)),
                Clock.fixed(TestPki.NOW, ZoneOffset.UTC), new Metrics());
        ShakenClaims claims = ShakenClaims.of("A", List.of("15145551234"), TestPki.NOW.getEpochSecond(), "15145559876",
                "123e4567-e89b-12d3-a456-426655440000");
        String identity = IdentityHeaderCodec.format(PassportCodec.sign(claims, URI.create(x5u), leaf.privateKey()),
                URI.create(x5u));
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC).format(TestPki.NOW);
        request = new VerifyRequest(List.of(identity), "\"Alice\" <sip:+15145559876@ims.local;user=phone>;tag=1",
                "<sip:+15145559876@ims.local;user=phone>", "<sip:+15145551234@ims.local>", null, date, "bench@test");
        VerifyResponse check = service.verify(request);
        if (!"TN-Validation-Passed".equals(check.verstat())) {
            throw new IllegalStateException("benchmark setup does not verify: " + check.detail());
        }
    }

    @Benchmark
    public VerifyResponse verifyWarm() {
        return service.verify(request);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length == 0) {
            new Runner(new OptionsBuilder().include(VerifyBenchmark.class.getName()).build()).run();
        } else {
            new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                    .include(VerifyBenchmark.class.getName()).build()).run();
        }
    }
}
