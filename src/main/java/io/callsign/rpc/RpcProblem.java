package io.callsign.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An error a method reports to its caller as a JSON-RPC error object. The message is sent as is,
 * so it must be written for the client (same text as the HTTP API's problem detail).
 */
public final class RpcProblem extends Exception {

    /** JSON-RPC 2.0 §5.1: invalid JSON was received. */
    public static final int PARSE_ERROR = -32700;
    /** JSON-RPC 2.0 §5.1: the JSON sent is not a valid Request object. */
    public static final int INVALID_REQUEST = -32600;
    /** JSON-RPC 2.0 §5.1: the method does not exist. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** JSON-RPC 2.0 §5.1: invalid method parameters. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC 2.0 §5.1: internal JSON-RPC error. */
    public static final int INTERNAL_ERROR = -32603;

    private final int code;
    private final transient JsonNode data;

    /**
     * @param code the JSON-RPC error code
     * @param message the text for the client
     * @param data optional structured detail ({@code error.data}), may be null
     */
    public RpcProblem(int code, String message, JsonNode data) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.code = code;
        this.data = data;
    }

    /** Invalid params (-32602), e.g. {@code "field 'from': not a SIP or tel URI"}. */
    public static RpcProblem invalidParams(String message) {
        return new RpcProblem(INVALID_PARAMS, message, null);
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** Structured detail for {@code error.data}, or null. */
    public JsonNode data() {
        return data;
    }
}
