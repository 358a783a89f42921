package io.callsign.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Es256Test {

    private static final byte[] INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

    @Test
    void activeProviderIsAccpOnThisPlatformAndNamed() {
        // The build ships ACCP for linux-x86_64; elsewhere AUTO falls back (checked by the self-test).
        assertThat(Es256.active().providerName()).isNotBlank();
        if (System.getProperty("os.arch").equals("amd64") && System.getProperty("os.name").equals("Linux")) {
            assertThat(Es256.active().provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        }
        assertThat(Es256.on(ProviderChoice.AUTO)).isSameAs(Es256.active());
    }

    @ParameterizedTest
    @EnumSource(ProviderChoice.class)
    void sign12_everyProviderSigns64BytesThatEveryOtherVerifies(ProviderChoice choice) {
        byte[] sig = Es256.on(choice).signerFor(TestKeys.PRIVATE).sign(INPUT);

        assertThat(sig).hasSize(64);
        for (ProviderChoice other : ProviderChoice.values()) {
            assertThat(Es256.on(other).verify(TestKeys.PUBLIC, INPUT, sig)).as(choice + " -> " + other).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderChoice.class)
    void keysFromAnotherProviderAreConverted(ProviderChoice choice) throws Exception {
        KeyPairGenerator bc = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        bc.initialize(256);
        KeyPair pair = bc.generateKeyPair();

        byte[] sig = Es256.on(choice).sign(pair.getPrivate(), INPUT);

        assertThat(Es256.on(choice).verify(pair.getPublic(), INPUT, sig)).isTrue();
        assertThat(Es256.active().verify(pair.getPublic(), INPUT, sig)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ProviderChoice.class)
    void sec06_outOfRangeRAndSAreRefusedBeforeTheProvider(ProviderChoice choice) {
        Es256.Verifier verifier = Es256.on(choice).verifierFor(TestKeys.PUBLIC);
        byte[] good = Es256.active().sign(TestKeys.PRIVATE, INPUT);
        byte[] n = fixed32(EcdsaP256.N);

        assertThat(verifier.verify(INPUT, new byte[64])).isFalse(); // CVE-2022-21449
        assertThat(verifier.verify(INPUT, withHalf(good, 0, n))).isFalse();
        assertThat(verifier.verify(INPUT, withHalf(good, 32, n))).isFalse();
        assertThat(verifier.verify(INPUT, withHalf(good, 32, new byte[32]))).isFalse();
        assertThat(verifier.verify(INPUT, good)).isTrue();
        assertThat(EcdsaP256.rangeProblem(withHalf(good, 0, fixed32(EcdsaP256.N.subtract(BigInteger.ONE))))).isNull();
    }

    @Test
    void sec07_lengthOtherThan64IsFalseNotAnException() {
        Es256.Verifier verifier = Es256.active().verifierFor(TestKeys.PUBLIC);
        byte[] good = Es256.active().sign(TestKeys.PRIVATE, INPUT);

        assertThat(verifier.verify(INPUT, EcdsaP256.rawToDer(good))).isFalse();
        assertThat(verifier.verify(INPUT, Arrays.copyOf(good, 63))).isFalse();
        assertThat(verifier.verify(INPUT, null)).isFalse();
        assertThat(verifier.verify(null, good)).isFalse();
    }

    @Test
    void sec02_nonP256PublicKeysAreAnUnsupportedCredential() throws Exception {
        KeyPair p384 = TestKeys.generate("secp384r1");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        assertThatThrownBy(() -> Es256.active().verifierFor(p384.getPublic()))
                .isInstanceOfSatisfying(PassportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_CREDENTIAL))
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> Es256.active().verifierFor(rsa.generateKeyPair().getPublic()))
                .isInstanceOf(PassportException.class).hasMessageContaining("RSA");
        assertThatThrownBy(() -> Es256.active().signerFor(p384.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-256");
    }

    @Test
    void preparedKeysAreReusedForTheSameKeyInstance() {
        Es256 es256 = Es256.on(ProviderChoice.BOUNCY_CASTLE);
        assertThat(es256.signerFor(TestKeys.PRIVATE)).isSameAs(es256.signerFor(TestKeys.PRIVATE));
        assertThat(es256.verifierFor(TestKeys.PUBLIC)).isSameAs(es256.verifierFor(TestKeys.PUBLIC));
    }

    @Test
    void providerChoiceParsesSettingValues() {
        assertThat(ProviderChoice.parse("AUTO")).isEqualTo(ProviderChoice.AUTO);
        assertThat(ProviderChoice.parse(" bc ")).isEqualTo(ProviderChoice.BOUNCY_CASTLE);
        assertThat(ProviderChoice.parse("jdk")).isEqualTo(ProviderChoice.JDK);
        assertThatThrownBy(() -> ProviderChoice.parse("openssl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'openssl'");
    }

    @Test
    void derConversionMatchesJose4jBothWays() throws Exception {
        for (int i = 0; i < 200; i++) {
            byte[] raw = Es256.active().sign(TestKeys.PRIVATE, ("input " + i).getBytes(StandardCharsets.US_ASCII));
            byte[] der = EcdsaP256.rawToDer(raw);

            assertThat(der).isEqualTo(EcdsaUsingShaAlgorithm.convertConcatenatedToDer(raw));
            assertThat(EcdsaP256.derToRaw(der)).isEqualTo(raw);
            assertThat(EcdsaUsingShaAlgorithm.convertDerToConcatenated(der, 64)).isEqualTo(raw);
        }
    }

    @Test
    void derConversionKeepsLeadingZerosOfShortIntegers() {
        byte[] raw = new byte[64];
        raw[31] = 1;          // r = 1
        raw[32] = (byte) 0x80; // s has its top bit set: DER needs a 0x00 pad
        byte[] der = EcdsaP256.rawToDer(raw);

        assertThat(der).startsWith(0x30, 0x26, 0x02, 0x01, 0x01, 0x02, 0x21, 0x00, 0x80);
        assertThat(EcdsaP256.derToRaw(der)).isEqualTo(raw);
    }

    @Test
    void signersAndVerifiersAreThreadSafe() throws Exception {
        Es256.Signer signer = Es256.active().signerFor(TestKeys.PRIVATE);
        Es256.Verifier verifier = Es256.active().verifierFor(TestKeys.PUBLIC);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 200; i++) {
                        byte[] input = ("thread " + id + " call " + i).getBytes(StandardCharsets.US_ASCII);
                        ok &= verifier.verify(input, signer.sign(input));
                        ok &= !verifier.verify(INPUT, signer.sign(input));
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void pkcs8KeysFromOpensslWorkOnEveryProvider() throws Exception {
        var pkcs8 = new PKCS8EncodedKeySpec(TestKeys.PRIVATE.getEncoded());
        var key = KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePrivate(pkcs8);
        for (ProviderChoice choice : ProviderChoice.values()) {
            byte[] sig = Es256.on(choice).signerFor(key).sign(INPUT);
            assertThat(Es256.active().verify(TestKeys.PUBLIC, INPUT, sig)).as(choice.name()).isTrue();
        }
    }

    private static byte[] withHalf(byte[] sig, int offset, byte[] half) {
        byte[] out = sig.clone();
        System.arraycopy(half, 0, out, offset, 32);
        return out;
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }
}
