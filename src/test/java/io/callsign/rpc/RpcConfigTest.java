package io.callsign.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpcConfigTest {

    @Test
    void parsesFramingPrefixedListeners() throws Exception {
        List<RpcListener> listeners = RpcConfig.parseListeners("netstring:0.0.0.0:8090, json:[::1]:8091");
        assertThat(listeners).containsExactly(
                new RpcListener(Framing.NETSTRING, new InetSocketAddress(
                        InetAddress.getByAddress(new byte[4]), 8090)),
                new RpcListener(Framing.JSON, new InetSocketAddress(
                        InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}), 8091)));
        assertThat(listeners.get(1)).hasToString("json:[0:0:0:0:0:0:0:1]:8091");
    }

    @Test
    void framingDefaultsToNetstring() {
        assertThat(RpcListener.parse("127.0.0.1:8090").framing()).isEqualTo(Framing.NETSTRING);
        assertThat(RpcListener.parse("[::1]:8090").framing()).isEqualTo(Framing.NETSTRING);
        assertThat(RpcListener.parse("JSON:127.0.0.1:8091").framing()).isEqualTo(Framing.JSON);
    }

    @Test
    void blankOrOffMeansNoTcp() {
        assertThat(RpcConfig.parseListeners("")).isEmpty();
        assertThat(RpcConfig.parseListeners(" off ")).isEmpty();
        assertThat(RpcConfig.parseListeners(null)).isEmpty();
    }

    @Test
    void reportsEveryBadEntryWithTheFix() {
        assertThatThrownBy(() -> RpcConfig.parseListeners("xml:127.0.0.1:1,127.0.0.1:99999,127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown RPC framing 'xml'; use 'netstring' or 'json'")
                .hasMessageContaining("port '99999'")
                .hasMessageContaining("'127.0.0.1' has no host:port");
    }

    @Test
    void defaultsListenForKamailioAndOpensips() {
        RpcConfig config = RpcConfig.defaults();
        assertThat(config.listeners()).extracting(RpcListener::framing).containsExactly(Framing.NETSTRING, Framing.JSON);
        assertThat(config.listeners()).extracting(l -> l.address().getPort()).containsExactly(8090, 8091);
        assertThat(config.maxRequestBytes()).isEqualTo(65536);
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatThrownBy(() -> new RpcConfig(List.of(), 10, 1, 1, 1))
                .hasMessageContaining("max request bytes is 10; it must be at least 1024");
        assertThatThrownBy(() -> new RpcConfig(List.of(), 4096, 0, 1, 1)).hasMessageContaining("worker threads");
    }
}
