package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** CERT-04/13/15/17, VER-07/22: judging a served chain, with no network. */
class ChainValidatorTest {

    private static final TestPki PKI = TestPki.create();
    private static final String X5U = "https://x5u.test/c.pem";
    private static final Clock CLOCK = Clock.fixed(TestPki.NOW, ZoneOffset.UTC);

    private final ChainValidator warn = new ChainValidator(CertificatesConfig.Profile.WARN, CLOCK);
    private final TrustAnchors.AnchorSet anchors = TrustAnchors.of(List.of(PKI.root().certificate())).current();

    private Credential validate(List<X509Certificate> chain) {
        return warn.validate(X5U, chain, anchors, List.of());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(Runnable call, FailureKind kind) {
        return assertThatThrownBy(call::run).isInstanceOfSatisfying(CredentialException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void ver22AcceptsLeafPlusIntermediateUpToTheAnchor() {
        Credential credential = validate(PKI.chain(PKI.leaf()));

        assertThat(credential.spc()).isEqualTo(TestPki.SPC);
        assertThat(credential.publicKey()).isEqualTo(PKI.leaf().keyPair().getPublic());
        assertThat(credential.path()).containsExactly(PKI.leaf().certificate(), PKI.intermediate().certificate());
        assertThat(credential.anchor()).isEqualTo(PKI.root().certificate());
        assertThat(credential.crlUrl()).contains("http://crl.test/sti.crl");
        assertThat(credential.warnings()).as("the test PKI follows the profile").isEmpty();
    }

    @Test
    void ver07RecordsTheValidityWindowOfTheWholePath() {
        Credential credential = validate(PKI.chain(PKI.leaf()));

        assertThat(credential.notBefore()).isEqualTo(PKI.leaf().certificate().getNotBefore().toInstant());
        assertThat(credential.notAfter()).isEqualTo(PKI.leaf().certificate().getNotAfter().toInstant());
        assertThat(credential.validAt(TestPki.NOW)).isTrue();
        assertThat(credential.validAt(credential.notAfter().plusSeconds(1))).isFalse();
        assertThat(credential.validAt(credential.notBefore().minusSeconds(1))).isFalse();
    }

    @Test
    void ver07ANotYetValidLeafIsValidatedAndJudgedPerCall() {
        TestPki.Issued future = PKI.leaf(PKI.leafSpec().withValidity(TestPki.NOW.plus(Duration.ofDays(10)),
                TestPki.NOW.plus(Duration.ofDays(100))));

        Credential credential = validate(PKI.chain(future));

        assertThat(credential.validAt(TestPki.NOW)).isFalse();
        assertThat(credential.validAt(TestPki.NOW.plus(Duration.ofDays(11)))).isTrue();
    }

    @Test
    void cert17AChainToAnotherRootIsUntrusted() {
        TestPki other = TestPki.create();

        assertFails(() -> validate(other.chain(other.leaf())), FailureKind.UNTRUSTED)
                .hasMessageContaining("no certification path").hasMessageContaining("VER-22");
    }

    @Test
    void ver22ALeafWithoutItsIntermediateIsUntrusted() {
        assertFails(() -> validate(List.of(PKI.leaf().certificate())), FailureKind.UNTRUSTED)
                .hasMessageContaining("only the leaf");
    }

    @Test
    void ver22ARootServedInTheBodyButNotConfiguredIsUntrusted() {
        TestPki other = TestPki.create();
        List<X509Certificate> withRoot = List.of(other.leaf().certificate(), other.intermediate().certificate(),
                other.root().certificate());

        assertFails(() -> validate(withRoot), FailureKind.UNTRUSTED).hasMessageContaining("not a configured anchor");
    }

    @Test
    void ver22AConfiguredRootAlsoServedInTheBodyIsFine() {
        List<X509Certificate> withRoot = List.of(PKI.leaf().certificate(), PKI.intermediate().certificate(),
                PKI.root().certificate());

        assertThat(validate(withRoot).anchor()).isEqualTo(PKI.root().certificate());
    }

    @Test
    void cert17NoAnchorsMeansNothingIsTrusted() {
        TrustAnchors.AnchorSet none = TrustAnchors.of(List.of()).current();

        assertFails(() -> warn.validate(X5U, PKI.chain(PKI.leaf()), none, List.of()), FailureKind.UNTRUSTED)
                .hasMessageContaining("CALLSIGN_TRUST_ANCHORS");
    }

    @Test
    void cert04AnRsaLeafIsUnsupported() {
        TestPki.Issued rsa = PKI.leaf(PKI.leafSpec().withKey(TestPki.KeyKind.RSA2048));

        assertFails(() -> validate(PKI.chain(rsa)), FailureKind.UNSUPPORTED).hasMessageContaining("RSA 2048")
                .hasMessageContaining("CERT-04");
    }

    @Test
    void cert04AP384LeafIsUnsupported() {
        TestPki.Issued p384 = PKI.leaf(PKI.leafSpec().withKey(TestPki.KeyKind.P384));

        assertFails(() -> validate(PKI.chain(p384)), FailureKind.UNSUPPORTED).hasMessageContaining("384-bit");
    }

    @Test
    void cert13ALeafWithoutTnAuthListIsUnsupported() {
        TestPki.Issued bare = PKI.leaf(PKI.leafSpec().withoutTnAuthList());

        assertFails(() -> validate(PKI.chain(bare)), FailureKind.UNSUPPORTED).hasMessageContaining("no TNAuthList");
    }

    @Test
    void cert15AnImplicitTaggedTnAuthListIsUnsupported() {
        TestPki.Issued implicit = PKI.leaf(PKI.leafSpec().withTnAuthListDer(HexFormat.of().parseHex("3006800431303031")));

        assertFails(() -> validate(PKI.chain(implicit)), FailureKind.UNSUPPORTED).hasMessageContaining("CERT-15");
    }

    @Test
    void cert13TwoSpcsAreUnsupported() {
        byte[] two = HexFormat.of().parseHex("3010a006160431303031a006160431303032");
        TestPki.Issued leaf = PKI.leaf(PKI.leafSpec().withTnAuthListDer(two));

        assertFails(() -> validate(PKI.chain(leaf)), FailureKind.UNSUPPORTED).hasMessageContaining("2 SPCs");
    }

    @Test
    void profileFindingsWarnByDefaultAndFailInStrictMode() {
        TestPki.Issued sloppy = PKI.leaf(PKI.leafSpec().withNonCriticalBasicConstraints());
        ChainValidator strict = new ChainValidator(CertificatesConfig.Profile.STRICT, CLOCK);

        assertThat(validate(PKI.chain(sloppy)).warnings()).singleElement().asString().contains("CERT-07");
        assertFails(() -> strict.validate(X5U, PKI.chain(sloppy), anchors, List.of()), FailureKind.UNSUPPORTED)
                .hasMessageContaining("CALLSIGN_CERT_PROFILE=strict").hasMessageContaining("CERT-07");
        assertThat(strict.validate(X5U, PKI.chain(PKI.leaf()), anchors, List.of()).spc()).isEqualTo(TestPki.SPC);
    }

    @Test
    void aForgedSignatureIsUntrusted() {
        TestPki other = TestPki.create();
        // Same subject and issuer names as PKI's leaf, but signed by another intermediate key.
        List<X509Certificate> mixed = List.of(other.leaf().certificate(), PKI.intermediate().certificate());

        assertFails(() -> validate(mixed), FailureKind.UNTRUSTED);
    }
}
