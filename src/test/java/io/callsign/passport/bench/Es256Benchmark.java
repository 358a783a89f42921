package io.callsign.passport.bench;

import io.callsign.passport.DecodedPassport;
import io.callsign.passport.Es256;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ProviderChoice;
import io.callsign.passport.ShakenClaims;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
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
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * ES256 and whole-PASSporT throughput per JCA provider. Run from the test classpath, e.g.
 * {@code java -cp <test classpath> io.callsign.passport.bench.Es256Benchmark [jmh options]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class Es256Benchmark {

    @Param({"ACCP", "BOUNCY_CASTLE", "JDK"})
    public String provider;

    private Es256.Signer signer;
    private Es256.Verifier verifier;
    private byte[] input;
    private byte[] signature;
    private ShakenClaims claims;
    private URI x5u;
    private String token;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Es256 es256 = Es256.on(ProviderChoice.valueOf(provider));
        signer = es256.signerFor(pair.getPrivate());
        verifier = es256.verifierFor(pair.getPublic());
        claims = ShakenClaims.of("A", List.of("12155551213"), 1_700_000_000L, "12155551212",
                "123e4567-e89b-12d3-a456-426655440000");
        x5u = URI.create("https://cert.example.org/passport.pem");
        token = PassportCodec.sign(claims, x5u, signer);
        input = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        signature = signer.sign(input);
    }

    @Benchmark
    public byte[] sign() {
        return signer.sign(input);
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(input, signature);
    }

    /** Everything the STI-AS does in this package for one call. */
    @Benchmark
    public String signPassport() {
        return PassportCodec.sign(claims, x5u, signer);
    }

    /** Everything the STI-VS does in this package for one call, certificate aside. */
    @Benchmark
    public boolean decodeAndVerifyPassport() {
        DecodedPassport decoded = PassportCodec.decode(token);
        return decoded.verifiedBy(verifier);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(Es256Benchmark.class.getName()).build()).run();
    }
}
