package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * X5U-01/02/07: refusals happen below the socket layer. The resolver is scripted (no DNS leaves)
 * and the connector counts attempts; every refused case must show zero attempts.
 */
class X5uFetcherSsrfTest {

    private final Loopback.CountingConnector connector = new Loopback.CountingConnector();

    private X5uFetcher fetcher(NameResolver resolver, AddressGuard guard) {
        X5uFetcher.Rules rules = X5uFetcher.Rules.x5u(CertificatesConfig.defaults());
        return new X5uFetcher(rules, guard, resolver, connector, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "169.254.169.254", "fc00::1", "127.0.0.1", "::1", "192.168.0.10"})
    void x5u07RefusesSpecialAddressesWithZeroConnections(String literal) {
        InetAddress address = Cidr.literal(literal).orElseThrow();
        Loopback.ScriptedResolver resolver = new Loopback.ScriptedResolver(List.of(address));

        assertThatThrownBy(() -> fetcher(resolver, AddressGuard.strict()).fetch("https://x5u.example:8443/c.pem"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.FETCH_FAILED))
                .hasMessageContaining("x5u https://x5u.example:8443/c.pem: host x5u.example resolves to")
                .hasMessageContaining("add the host or address to CALLSIGN_X5U_ALLOW");
        assertThat(resolver.calls).hasValue(1);
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void x5u07RefusesIpv4MappedPrivateAddressesWithZeroConnections() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress(null, mapped, (NetworkInterface) null);
        Loopback.ScriptedResolver resolver = new Loopback.ScriptedResolver(List.of(address));

        assertThatThrownBy(() -> fetcher(resolver, AddressGuard.strict()).fetch("https://x5u.example/c.pem"))
                .hasMessageContaining("10.0.0.1 is a special-purpose address");
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void x5u07OneBlockedAddressAmongSeveralRefusesTheWholeAnswer() {
        Loopback.ScriptedResolver resolver = new Loopback.ScriptedResolver(
                List.of(Loopback.ADDRESS, Loopback.address(10, 0, 0, 5)));
        AddressGuard guard = AddressGuard.allowing(List.of("127.0.0.1/32"));

        assertThatThrownBy(() -> fetcher(resolver, guard).fetch("https://x5u.example/c.pem"))
                .hasMessageContaining("10.0.0.5");
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void x5u07LoopbackIsRefusedWithoutAnAllowEntryEvenForTheNameLocalhost() {
        Loopback.ScriptedResolver resolver = new Loopback.ScriptedResolver(List.of(Loopback.ADDRESS));

        assertThatThrownBy(() -> fetcher(resolver, AddressGuard.strict()).fetch("https://localhost/c.pem"))
                .hasMessageContaining("127.0.0.1 is a special-purpose address, loopback");
        assertThat(connector.attempts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x5u.example/c.pem", "https://x5u.example:8080/c.pem", "ftp://x5u.example/c.pem",
            "https://u:p@x5u.example/c.pem", "https://x5u.example/c.pem?x=1", "https://x5u.example/c.pem#f"})
    void x5u01And02RefuseBeforeAnyLookup(String url) {
        Loopback.ScriptedResolver resolver = new Loopback.ScriptedResolver(List.of(Loopback.ADDRESS));

        assertThatThrownBy(() -> fetcher(resolver, AddressGuard.allowing(List.of("127.0.0.1"))).fetch(url))
                .isInstanceOf(CredentialException.class);
        assertThat(resolver.calls).as("no DNS query").hasValue(0);
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void anUnresolvableHostIsAFetchFailure() {
        NameResolver nothing = host -> {
            throw new java.net.UnknownHostException(host);
        };

        assertThatThrownBy(() -> fetcher(nothing, AddressGuard.strict()).fetch("https://nowhere.test/c.pem"))
                .hasMessageContaining("does not resolve");
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void portsComeFromTheConfiguration() {
        X5uFetcher.Rules rules = X5uFetcher.Rules.x5u(CertificatesConfig.defaults().toBuilder().x5uPorts(Set.of(9443)).build());

        assertThat(rules.policy().check("https://x5u.example:9443/c.pem").port()).isEqualTo(9443);
        assertThatThrownBy(() -> rules.policy().check("https://x5u.example/c.pem")).hasMessageContaining("port 443");
    }
}
