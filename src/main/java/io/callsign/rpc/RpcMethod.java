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

    /**
     * A method taking the same request object as its HTTP twin: params are decoded like an HTTP body,
     * and a 400 {@link io.callsign.http.Problem} becomes -32602 with the same message (API.md).
     */
    static <Q> RpcMethod of(Class<Q> requestType, java.util.function.Function<Q, Object> operation) {
        return params -> {
            try {
                return operation.apply(io.callsign.http.JsonBodies.read(params, requestType));
            } catch (io.callsign.http.Problem problem) {
                if (problem.status() >= 500) {
                    throw new RpcProblem(RpcProblem.INTERNAL_ERROR, problem.detail(), null);
                }
                throw RpcProblem.invalidParams(problem.detail());
            }
        };
    }
}
