package io.callsign.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Implementations must be thread-safe: the dispatcher calls them concurrently
 * from HTTP and TCP worker threads.
 */
@FunctionalInterface
public interface RpcMethod {

    /**
     * Runs the method.
     *
     * @param params the request's {@code params} (an object or an array), or
     *     {@link com.fasterxml.jackson.databind.node.NullNode} when the request had none
     * @return the result: a {@link JsonNode}, or any value Jackson can serialise (a record, a map);
     *     {@code null} becomes JSON {@code null}
     * @throws RpcProblem for an error the caller should see, e.g. {@link RpcProblem#invalidParams}
     */
    Object call(JsonNode params) throws RpcProblem;
}
