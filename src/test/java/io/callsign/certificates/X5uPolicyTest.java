package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class X5uPolicyTest {

    private final X5uPolicy policy = X5uPolicy.x5u(CertificatesConfig.defaults().x5uPorts());

    @ParameterizedTest
    @ValueSource(strings = {"https://cert.example/c.pem", "https://cert.example:443/c.pem",
            "https://cert.example:8443/sti/c.pem", "HTTPS://cert.example/c.pem"})
    void x5u01AcceptsHttpsOnDefaultPorts(String url) {
        X5uPolicy.Target target = policy.check(url);

        assertThat(target.tls()).isTrue();
        assertThat(target.host()).isEqualTo("cert.example");
        assertThat(target.port()).isIn(443, 8443);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://cert.example/c.pem", "ftp://cert.example/c.pem", "file:///etc/passwd"})
    void x5u01RefusesOtherSchemes(String url) {
        assertThatThrownBy(() -> policy.check(url))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FETCH_FAILED))
                .hasMessageContaining("X5U-01");
    }

    @Test
    void x5u01RefusesPort8080() {
        assertThatThrownBy(() -> policy.check("https://cert.example:8080/c.pem"))
                .hasMessageContaining("port 8080 is not allowed").hasMessageContaining("[443, 8443]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://u:p@cert.example/c.pem", "https://cert.example/c.pem?x=1",
            "https://cert.example/c.pem?", "https://cert.example/c.pem#f", "https://cert.example/c.pem;v=1",
            "https://cert.example/a;b/c.pem"})
    void x5u02RefusesUserinfoQueryFragmentAndPathParameters(String url) {
        assertThatThrownBy(() -> policy.check(url)).hasMessageContaining("X5U-02").hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a url", "https://", "https:///c.pem", "//cert.example/c.pem", "c.pem"})
    void refusesMalformedUrls(String url) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(CredentialException.class);
    }

    @Test
    void refusesAbsurdlyLongUrls() {
        assertThatThrownBy(() -> policy.check("https://cert.example/" + "a".repeat(2100)))
                .hasMessageContaining("characters long");
    }

    @Test
    void portsAreConfigurableForTests() {
        assertThat(X5uPolicy.x5u(Set.of(40123)).check("https://localhost:40123/c.pem").port()).isEqualTo(40123);
    }

    @Test
    void ipv6LiteralHostsKeepTheirBracketsOnlyInTheHostHeader() {
        X5uPolicy.Target target = policy.check("https://[2001:db8::1]:8443/c.pem");

        assertThat(target.host()).isEqualTo("2001:db8::1");
        assertThat(target.hostHeader()).isEqualTo("[2001:db8::1]:8443");
        assertThat(policy.check("https://cert.example/c.pem").hostHeader()).isEqualTo("cert.example");
    }

    @Test
    void anEmptyPathRequestsTheRoot() {
        assertThat(policy.check("https://cert.example").pathForRequest()).isEqualTo("/");
    }

    @Test
    void crlPolicyAllowsHttpOnAnyPort() {
        X5uPolicy crl = X5uPolicy.crl();

        assertThat(crl.check("http://crl.example/sti.crl").port()).isEqualTo(80);
        assertThat(crl.check("http://crl.example:8080/sti.crl").tls()).isFalse();
        assertThatThrownBy(() -> crl.check("ftp://crl.example/sti.crl")).hasMessageContaining("CRL");
    }
}
