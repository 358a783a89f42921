package io.callsign.signing;

import io.callsign.attestation.AttestationConfig;
import io.callsign.credentials.ActiveCredentials;
import io.callsign.http.JsonBodies;
import io.callsign.ops.Metrics;
import io.callsign.passport.Es256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The STI-AS work of one call without the network: {@link SigningService#sign} alone, and with JSON
 * decoding and encoding around it, next to the bare ES256 signature they contain. Run from the test
 * class path: {@code java -cp <test classpath> org.openjdk.jmh.Main SigningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmark {

    private static final byte[] BODY = ("{\"from\":\"sip:+15145559876@ims.local;user=phone\",\"to\":\"sip:+15145551234@ims.local\","
            + "\"callId\":\"bench@ims.local\",\"sourceIp\":\"192.0.2.10\",\"authUser\":\"alice@ims.local\"}")
            .getBytes(StandardCharsets.UTF_8);

    private Path lab;
    private SigningService service;
    private SignRequest request;
    private Es256.Signer signer;
    private byte[] input;

    @Setup
    public void setUp() throws IOException {
        lab = Files.createTempDirectory("callsign-bench-lab");
        ActiveCredentials credentials = SigningFixture.labCredentials(lab, Clock.systemUTC());
        service = SigningFixture.service(SigningFixture.enabled(), AttestationConfig.defaults(), credentials,
                Clock.systemUTC(), new Metrics());
        request = JsonBodies.read(BODY, SignRequest.class);
        signer = Es256.active().signerFor(credentials.current().orElseThrow().key());
        input = new byte[300];
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(lab)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public byte[] es256Only() {
        return signer.sign(input);
    }

    @Benchmark
    public SignResponse serviceSign() {
        return service.sign(request);
    }

    @Benchmark
    public byte[] decodeSignEncode() throws IOException {
        return JsonBodies.MAPPER.writeValueAsBytes(service.sign(JsonBodies.read(BODY, SignRequest.class)));
    }
}
