package io.callsign.rpc;

import java.util.Locale;

/** How JSON-RPC messages are delimited on a TCP connection. */
public enum Framing {

    /** {@code <length>:<json>,} in both directions: Kamailio {@code janssonrpcc} and {@code jsonrpcc}. */
    NETSTRING,

    /**
     * Consecutive JSON values, no delimiter needed; each response is followed by a newline. OpenSIPS
     * {@code jsonrpc} writes one request per connection and reads one response.
     */
    JSON;

    /** The name used in {@code CALLSIGN_RPC_LISTEN}: {@code netstring} or {@code json}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a framing name.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Framing parse(String name) {
        for (Framing framing : values()) {
            if (framing.settingName().equalsIgnoreCase(name.trim())) {
                return framing;
            }
        }
        throw new IllegalArgumentException("unknown RPC framing '" + name + "'; use 'netstring' or 'json'");
    }

    FrameDecoder newDecoder(int maxFrameBytes) {
        return this == NETSTRING ? new NetstringDecoder(maxFrameBytes) : new JsonStreamDecoder(maxFrameBytes);
    }

    byte[] encode(byte[] json) {
        return this == NETSTRING ? NetstringDecoder.encode(json) : JsonStreamDecoder.encode(json);
    }
}
