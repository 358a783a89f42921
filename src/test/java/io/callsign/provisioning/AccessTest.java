package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may call the provisioning API, decided on the peer address and the Authorization header alone. */
class AccessTest {

    private static InetAddress ip(int... bytes) throws Exception {
        byte[] address = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            address[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(address);
    }

    private static final int[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final int[] IPV6_DOC = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    @Test
    void withoutATokenLoopbackClientsAreServed() throws Exception {
        assertThat(Access.decide(Optional.empty(), null, ip(127, 0, 0, 1))).isEqualTo(new Access.Granted("loopback:127.0.0.1"));
        assertThat(Access.decide(Optional.empty(), null, ip(127, 10, 20, 30))).isEqualTo(new Access.Granted("loopback:127.10.20.30"));
        assertThat(Access.decide(Optional.empty(), null, ip(IPV6_LOOPBACK))).isInstanceOf(Access.Granted.class);
    }

    @Test
    void withoutATokenEveryOtherClientIsForbidden() throws Exception {
        for (InetAddress peer : new InetAddress[] {ip(10, 0, 0, 1), ip(192, 168, 1, 1), ip(128, 0, 0, 1), ip(IPV6_DOC),
                ip(0, 0, 0, 0)}) {
            Access access = Access.decide(Optional.empty(), "Bearer anything", peer);
            assertThat(access).as(peer.toString()).isInstanceOf(Access.Refused.class);
            Access.Refused refused = (Access.Refused) access;
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.challenge()).isFalse();
            assertThat(refused.detail()).contains("CALLSIGN_PROVISIONING_TOKEN is unset").contains(peer.getHostAddress());
        }
    }

    @Test
    void withATokenOnlyTheTokenCountsEvenOnLoopback() throws Exception {
        Optional<String> token = Optional.of("t0ken");
        assertThat(Access.decide(token, "Bearer t0ken", ip(10, 0, 0, 1))).isEqualTo(new Access.Granted("api-token"));
        assertThat(Access.decide(token, "bEaReR   t0ken ", ip(10, 0, 0, 1))).isEqualTo(new Access.Granted("api-token"));
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Basic t0ken", "Bearer t0ke", "Bearer t0ken2"}) {
            Access access = Access.decide(token, header, ip(127, 0, 0, 1));
            assertThat(access).as(String.valueOf(header)).isInstanceOf(Access.Refused.class);
            assertThat(((Access.Refused) access).status()).isEqualTo(401);
            assertThat(((Access.Refused) access).challenge()).isTrue();
        }
    }
}
