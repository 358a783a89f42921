package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X5U-05 / X5U-08: what an x5u body may be. */
class PemChainTest {

    private static final TestPki PKI = TestPki.create();

    private static List<X509Certificate> parse(String body, int max) {
        return Pem.x5uChain(body.getBytes(StandardCharsets.ISO_8859_1), max, "x5u https://x5u.test/c.pem");
    }

    @Test
    void readsALeafFirstChainWithExplanatoryText() {
        String body = "leaf:\n" + PKI.chainPem(PKI.leaf()) + "\n";

        assertThat(parse(body, 5)).containsExactly(PKI.leaf().certificate(), PKI.intermediate().certificate());
    }

    @Test
    void x5u05RejectsADerBody() throws Exception {
        byte[] der = PKI.leaf().certificate().getEncoded();

        assertThatThrownBy(() -> Pem.x5uChain(der, 5, "x5u u"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FETCH_FAILED))
                .hasMessageContaining("DER");
    }

    @Test
    void explanatoryTextStartingWithTheDigitZeroIsNotMistakenForDer() {
        assertThat(parse("0 intermediate certificates follow the leaf\n" + TestPki.pem(PKI.leaf().certificate()), 5))
                .hasSize(1);
    }

    @Test
    void x5u05RejectsAnHtmlBody() {
        assertThatThrownBy(() -> parse("<!DOCTYPE html><html><body>Not here</body></html>", 5))
                .hasMessageContaining("no PEM certificate").hasMessageContaining("<!DOCTYPE html>");
    }

    @Test
    void x5u08RejectsMoreCertificatesThanTheLimit() {
        String six = TestPki.pem(PKI.leaf().certificate()).repeat(6);

        assertThatThrownBy(() -> parse(six, 5)).hasMessageContaining("6 certificates").hasMessageContaining("CALLSIGN_X5U_MAX_CHAIN");
        assertThat(parse(six, 6)).hasSize(6);
    }

    @Test
    void rejectsABlockThatIsNotACertificate() {
        assertThatThrownBy(() -> parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", 5))
                .hasMessageContaining("certificate 1");
    }

    @Test
    void rejectsTrailingBytesInsideABlock() throws Exception {
        byte[] der = PKI.leaf().certificate().getEncoded();
        byte[] padded = java.util.Arrays.copyOf(der, der.length + 3);
        String block = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(padded)
                + "\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> parse(block, 5)).hasMessageContaining("trailing bytes");
    }
}
