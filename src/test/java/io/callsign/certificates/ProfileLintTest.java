package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ATIS-1000080 §6.4.1 profile rules (CERT-01..14) as findings. */
class ProfileLintTest {

    private static final TestPki PKI = TestPki.create();

    private static List<String> rules(TestPki.Issued leaf, String spc) {
        return ProfileLint.check(PKI.chain(leaf), PKI.root().certificate(), spc).stream()
                .map(ProfileLint.Finding::rule).toList();
    }

    @Test
    void theTestPkiFollowsTheProfile() {
        assertThat(ProfileLint.check(PKI.chain(PKI.leaf()), PKI.root().certificate(), TestPki.SPC)).isEmpty();
    }

    @Test
    void cert06TheLeafCnMustBeShakenSpc() {
        TestPki.Issued leaf = PKI.leaf(PKI.leafSpec().withCommonName("SHAKEN 5678"));

        assertThat(ProfileLint.check(PKI.chain(leaf), PKI.root().certificate(), TestPki.SPC))
                .singleElement().asString().contains("CERT-06").contains("'SHAKEN 5678' is not 'SHAKEN 1001'");
    }

    @Test
    void cert07BasicConstraintsMustBeCritical() {
        assertThat(rules(PKI.leaf(PKI.leafSpec().withNonCriticalBasicConstraints()), TestPki.SPC))
                .containsExactly("CERT-07");
    }

    @Test
    void cert11ExactlyOneShakenPolicy() {
        assertThat(rules(PKI.leaf(PKI.leafSpec().withPolicies(TestPki.SHAKEN_CP, "2.16.840.1.114569.1.1.4")), TestPki.SPC))
                .containsExactly("CERT-11");
        assertThat(rules(PKI.leaf(PKI.leafSpec().withPolicies("1.2.3.4")), TestPki.SPC)).containsExactly("CERT-11");
        assertThat(rules(PKI.leaf(PKI.leafSpec().withPolicies()), TestPki.SPC)).containsExactly("CERT-11");
    }

    @Test
    void cert12TheLeafNeedsACrlDistributionPoint() {
        assertThat(rules(PKI.leaf(PKI.leafSpec().withCrlUrl(null)), TestPki.SPC)).containsExactly("CERT-12");
    }

    @Test
    void cert13TheSpcIsDigitsAndUppercaseLetters() {
        TestPki.Issued leaf = PKI.leaf(PKI.leafSpec().withSpc("ab12"));

        assertThat(rules(leaf, "ab12")).containsExactly("CERT-13");
    }

    @Test
    void cert14UnspecifiedExtensionsAreFindings() {
        assertThat(ProfileLint.check(PKI.chain(PKI.leaf(PKI.leafSpec().withExtraExtension())),
                PKI.root().certificate(), TestPki.SPC))
                .singleElement().asString().contains("CERT-14").contains("2.5.29.37");
    }

    @Test
    void cert10AkiMustMatchTheIssuersSki() {
        TestPki other = TestPki.create();
        // The other PKI's leaf claims an AKI of the other intermediate, linted here against ours.
        List<ProfileLint.Finding> findings = ProfileLint.check(
                List.of(other.leaf().certificate(), PKI.intermediate().certificate()), PKI.root().certificate(), TestPki.SPC);

        assertThat(findings).extracting(ProfileLint.Finding::rule).containsExactly("CERT-10");
    }

    @Test
    void cert07And08TheIntermediateMustBeACa() {
        // A leaf in the issuer position breaks the CA rules of CERT-07, CERT-08 and CERT-13.
        List<ProfileLint.Finding> findings = ProfileLint.check(
                List.of(PKI.leaf().certificate(), PKI.leaf().certificate()), PKI.root().certificate(), TestPki.SPC);

        assertThat(findings).extracting(ProfileLint.Finding::rule).contains("CERT-07", "CERT-08", "CERT-13");
    }
}
