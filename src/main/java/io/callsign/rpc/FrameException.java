package io.callsign.rpc;

/**
 * The byte stream broke its framing: the connection cannot be trusted any more. Carries the
 * JSON-RPC error code to answer with before closing (-32700 for a garbled frame, -32600 for one
 * over the size limit).
 */
final class FrameException extends Exception {

    private final int code;

    FrameException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static FrameException garbled(String message) {
        return new FrameException(RpcProblem.PARSE_ERROR, "Parse error: " + message);
    }

    static FrameException tooLarge(int limit) {
        return new FrameException(RpcProblem.INVALID_REQUEST, "Invalid Request: request is larger"
                + " than the limit of " + limit + " bytes; send smaller requests");
    }

    int code() {
        return code;
    }
}
