package io.callsign.rpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the JSON-RPC transports.
 *
 * @param listeners TCP addresses with their framing ({@code CALLSIGN_RPC_LISTEN}); empty = no TCP
 * @param maxRequestBytes largest request (TCP frame or {@code POST /rpc} body) accepted
 * @param workerThreads threads running methods for TCP connections
 * @param maxConnections TCP connections served at once; more are closed on accept
 * @param maxPipelined requests of one TCP connection in progress at once; reading from that
 *     connection pauses at this number until responses have been written (back-pressure)
 */
public record RpcConfig(List<RpcListener> listeners, int maxRequestBytes, int workerThreads,
        int maxConnections, int maxPipelined) {

    /** Default {@code CALLSIGN_RPC_LISTEN}: netstring for Kamailio, plain JSON for OpenSIPS. */
    public static final String DEFAULT_LISTEN = "netstring:0.0.0.0:8090,json:0.0.0.0:8091";

    public RpcConfig {
        listeners = List.copyOf(listeners);
        require(maxRequestBytes >= 1024, "max request bytes", maxRequestBytes, "at least 1024");
        require(workerThreads >= 1, "worker threads", workerThreads, "at least 1");
        require(maxConnections >= 1, "max connections", maxConnections, "at least 1");
        require(maxPipelined >= 1, "max pipelined requests", maxPipelined, "at least 1");
    }

    /** Defaults: {@link #DEFAULT_LISTEN}, 64 KiB requests, 4 workers per CPU (at least 8), 512 connections, 64 pipelined. */
    public static RpcConfig defaults() {
        return new RpcConfig(parseListeners(DEFAULT_LISTEN), 64 * 1024,
                Math.max(8, 4 * Runtime.getRuntime().availableProcessors()), 512, 64);
    }

    /** The same settings with other listeners. */
    public RpcConfig withListeners(List<RpcListener> newListeners) {
        return new RpcConfig(newListeners, maxRequestBytes, workerThreads, maxConnections, maxPipelined);
    }

    /**
     * Parses a comma-separated list of {@link RpcListener#parse listeners}; blank or {@code off}
     * means none. All bad entries are reported together.
     *
     * @throws IllegalArgumentException listing every bad entry
     */
    public static List<RpcListener> parseListeners(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("off")) {
            return List.of();
        }
        List<RpcListener> listeners = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String entry : value.split(",")) {
            try {
                listeners.add(RpcListener.parse(entry));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return List.copyOf(listeners);
    }

    private static void require(boolean ok, String what, int value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("RPC " + what + " is " + value + "; it must be " + expected);
        }
    }
}
