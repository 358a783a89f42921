package io.callsign.kamailio;

import java.util.List;

/** The two transports of kamailio-cfg/callsign.cfg, with the defines that point each at a Callsign. */
enum ProxyMode {
    /** http_client, synchronous: POST /v1/sign, /v1/verify. */
    HTTP,
    /** janssonrpcc, asynchronous (t_suspend/t_continue): stir.sign, stir.verify over netstrings. */
    RPC;

    /** Defines selecting this mode and pointing it at {@code port} (HTTP or JSON-RPC) on loopback. */
    List<String> defines(int port) {
        return switch (this) {
            case HTTP -> List.of("CALLSIGN_MODE_HTTP",
                    Kamailio.string("CALLSIGN_HTTPCON", "callsign=>http://127.0.0.1:" + port));
            case RPC -> List.of("CALLSIGN_MODE_RPC",
                    Kamailio.string("CALLSIGN_RPC_SERVER", "conn=callsign;addr=127.0.0.1;port=" + port));
        };
    }

    int port(LabCallsign callsign) {
        return this == HTTP ? callsign.httpPort() : callsign.rpcPort();
    }
}
