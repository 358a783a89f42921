package io.callsign.certadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.http.Problem;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may read and renew our certificate: decided on the peer address and header, no sockets involved. */
class OperatorGuardTest {

    private static final Optional<String> TOKEN = Optional.of("s3cret-token");

    @Test
    void withATokenEveryClientMustPresentIt() throws Exception {
        InetAddress remote = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 10});
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});

        assertThat(OperatorGuard.refusal(TOKEN, "Bearer s3cret-token", remote)).isEmpty();
        assertThat(OperatorGuard.refusal(TOKEN, "bearer   s3cret-token ", remote)).isEmpty();
        assertThat(OperatorGuard.refusal(TOKEN, null, loopback)).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(401);
            assertThat(problem.detail()).contains("Authorization: Bearer");
        });
        assertThat(OperatorGuard.refusal(TOKEN, "Bearer s3cret-tokeN", loopback).map(Problem::status)).contains(401);
        assertThat(OperatorGuard.refusal(TOKEN, "Basic czNjcmV0LXRva2Vu", remote).map(Problem::status)).contains(401);
        assertThat(OperatorGuard.refusal(TOKEN, "Bearer ", remote).map(Problem::status)).contains(401);
    }

    @Test
    void withoutATokenOnlyLoopbackClientsAreServed() throws Exception {
        assertThat(OperatorGuard.refusal(Optional.empty(), null,
                InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))).isEmpty();
        assertThat(OperatorGuard.refusal(Optional.empty(), null,
                InetAddress.getByAddress(new byte[] {127, 8, 9, 10}))).isEmpty();
        byte[] ipv6Loopback = new byte[16];
        ipv6Loopback[15] = 1;
        assertThat(OperatorGuard.refusal(Optional.empty(), null, InetAddress.getByAddress(ipv6Loopback))).isEmpty();

        InetAddress remote = InetAddress.getByAddress(new byte[] {10, 1, 2, 3});
        assertThat(OperatorGuard.refusal(Optional.empty(), "Bearer anything", remote)).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.detail()).contains("10.1.2.3").contains("CALLSIGN_PROVISIONING_TOKEN");
        });
    }
}
