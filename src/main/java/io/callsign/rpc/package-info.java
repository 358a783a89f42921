/**
 * JSON-RPC 2.0 transports for the call path: {@code POST /rpc} over HTTP, and TCP with netstring
 * framing (Kamailio {@code janssonrpcc}/{@code jsonrpcc}) or plain concatenated-JSON framing
 * (OpenSIPS {@code jsonrpc}).
 *
 * <p>Owns: the JSON-RPC envelope (request validation, batches, notifications, error objects), the
 * two TCP framings and the TCP server. The entry points are {@link io.callsign.rpc.JsonRpcDispatcher}
 * (methods are registered by the composition root), {@link io.callsign.rpc.RpcHttpHandler} and
 * {@link io.callsign.rpc.RpcTcpServer}.
 *
 * <p>Must not: know what {@code stir.sign} or {@code stir.verify} do, read settings from the
 * environment, or put a stack trace or exception text of an unexpected failure into a response.
 */
package io.callsign.rpc;
