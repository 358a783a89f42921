package io.callsign.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sourceIp literals: parsed without DNS, everything else refused. */
class IpLiteralTest {

    @Test
    void parsesDottedQuadsAndIpv6() throws UnknownHostException {
        assertThat(IpLiteral.parse("192.0.2.10")).isEqualTo(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10}));
        assertThat(IpLiteral.parse(" 0.0.0.0 ").getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(IpLiteral.parse("255.255.255.255").getHostAddress()).isEqualTo("255.255.255.255");
        assertThat(IpLiteral.parse("010.001.000.009").getHostAddress()).isEqualTo("10.1.0.9");
        assertThat(IpLiteral.parse("2001:db8::1").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IpLiteral.parse("[::1]").getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(IpLiteral.parse("::ffff:198.51.100.7").getHostAddress()).isEqualTo("198.51.100.7");
        assertThat(IpLiteral.parse("64:FF9B::C000:0221").getHostAddress()).isEqualTo("64:ff9b:0:0:0:0:c000:221");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "256.1.1.1", "1.2.3.1000",
        "1.2.3.-4", "a.b.c.d", "1.2.3.4 5", "１.2.3.4", "localhost", "example.com", "1:2:3:4:5:6:7:8:9", "1::2::3",
        "12345::1", "g::1", "::ffff:1.2.3", "２００１:db8::1", "[1.2.3.4"})
    void refusesWhatIsNoLiteral(String text) {
        assertThat(IpLiteral.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> IpLiteral.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an IP address literal");
    }

    @Test
    void randomDottedTextAgreesWithASimpleReading() {
        Random random = new Random(4);
        String alphabet = "0123456789.";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(16);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(IpLiteral.tryParse(text.toString())).as(text.toString()).isEqualTo(reference(text.toString()));
        }
    }

    /** Four dot-separated groups of 1 to 3 digits, each at most 255. */
    private static Optional<InetAddress> reference(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
