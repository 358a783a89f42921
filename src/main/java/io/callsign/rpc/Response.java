package io.callsign.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC response object before serialisation: a result, or an error with code and message.
 *
 * @param id the request's id, or null for JSON {@code null}
 * @param result the result when the call succeeded, else null
 * @param error the error when it failed, else null
 */
record Response(JsonNode id, JsonNode result, RpcProblem error) {

    static Response success(JsonNode id, JsonNode result) {
        return new Response(id, result, null);
    }

    static Response failure(JsonNode id, RpcProblem error) {
        return new Response(id, null, error);
    }

    static Response parseError(String detail) {
        return failure(null, new RpcProblem(RpcProblem.PARSE_ERROR, "Parse error: " + detail, null));
    }

    static Response invalidRequest(JsonNode id, String detail) {
        return failure(id, new RpcProblem(RpcProblem.INVALID_REQUEST, "Invalid Request: " + detail, null));
    }

    boolean isError() {
        return error != null;
    }
}
