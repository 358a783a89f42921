package io.callsign.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X5U-07: decisions on InetAddress values only; no socket, no DNS. */
class AddressGuardTest {

    private final AddressGuard strict = AddressGuard.strict();

    @ParameterizedTest
    @ValueSource(strings = {"0.1.2.3", "10.0.0.5", "100.64.1.1", "127.0.0.1", "127.9.9.9", "169.254.169.254",
            "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1",
            "198.19.255.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.1.1.1", "240.0.0.1",
            "255.255.255.255", "::", "::1", "::10.0.0.5", "64:ff9b::a00:5", "100::1", "2001::1", "2001:db8::1",
            "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1"})
    void refusesSpecialPurposeAddresses(String literal) {
        InetAddress address = Cidr.literal(literal).orElseThrow();

        assertThat(strict.refusal("x5u.example", address)).get().asString().contains("special-purpose");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2606:4700::1111"})
    void acceptsPublicAddresses(String literal) {
        assertThat(strict.refusal("x5u.example", Cidr.literal(literal).orElseThrow())).isEmpty();
    }

    @Test
    void judgesIpv4MappedIpv6ByItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, (NetworkInterface) null);

        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(strict.refusal("x5u.example", v6)).get().asString().contains("10.0.0.1").contains("RFC 1918");
        byte[] publicMapped = mapped.clone();
        publicMapped[12] = 8;
        publicMapped[13] = 8;
        publicMapped[14] = 8;
        publicMapped[15] = 8;
        assertThat(strict.refusal("x5u.example", Inet6Address.getByAddress(null, publicMapped, (NetworkInterface) null)))
                .isEmpty();
    }

    @Test
    void theRefusalNamesTheRange() {
        assertThat(strict.refusal("h", Loopback.address(169, 254, 169, 254)))
                .contains("169.254.169.254 is a special-purpose address, link-local (RFC 3927) in 169.254.0.0/16");
    }

    @Test
    void allowListExemptsCidrsAndHostNames() {
        AddressGuard guard = AddressGuard.allowing(List.of("127.0.0.1/32", " Lab.Example ", "10.1.0.0/16"));

        assertThat(guard.refusal("x5u.example", Loopback.address(127, 0, 0, 1))).isEmpty();
        assertThat(guard.refusal("x5u.example", Loopback.address(127, 0, 0, 2))).isPresent();
        assertThat(guard.refusal("lab.example", Loopback.address(192, 168, 7, 7))).isEmpty();
        assertThat(guard.refusal("x5u.example", Loopback.address(10, 1, 200, 3))).isEmpty();
        assertThat(guard.refusal("x5u.example", Loopback.address(10, 2, 0, 3))).isPresent();
    }

    @Test
    void aBareAddressInTheAllowListIsOneHost() {
        AddressGuard guard = AddressGuard.allowing(List.of("::1"));

        assertThat(guard.refusal("h", Cidr.literal("::1").orElseThrow())).isEmpty();
        assertThat(guard.refusal("h", Cidr.literal("127.0.0.1").orElseThrow())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "300.1.1.1/8", "not an address/8"})
    void badAllowEntriesAreConfigurationErrors(String entry) {
        assertThatThrownBy(() -> AddressGuard.allowing(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CALLSIGN_X5U_ALLOW");
    }

    @Test
    void literalParsingNeverLooksUpNames() {
        assertThat(Cidr.literal("x5u.example")).isEmpty();
        assertThat(Cidr.literal("010.0.0.1")).get().isEqualTo(Loopback.address(10, 0, 0, 1));
        assertThat(Cidr.literal("1.2.3.256")).isEmpty();
        assertThat(Cidr.literal(".:1")).isEmpty();
    }
}
