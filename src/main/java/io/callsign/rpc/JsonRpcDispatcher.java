package io.callsign.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-RPC 2.0 dispatcher: parses one request or batch, calls the registered methods and returns
 * the response bytes. Transport-neutral; the HTTP handler and the TCP server both use it.
 *
 * <p>Thread-safe: methods may be registered at any time and {@link #dispatch} is called concurrently.
 * A request never makes {@code dispatch} throw; every failure becomes a JSON-RPC error object.
 */
public final class JsonRpcDispatcher {

    private final ObjectReader reader;
    private final MethodInvoker invoker;
    private final ResponseWriter writer;
    private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

    /** @param mapper serialises results and parses requests; shared, not modified */
    public JsonRpcDispatcher(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        // A frame is one JSON value: trailing bytes or a repeated member make the request ambiguous.
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.invoker = new MethodInvoker(mapper, methods);
        this.writer = new ResponseWriter(mapper.getFactory());
    }

    /**
     * Registers a method.
     *
     * @throws IllegalArgumentException if the name is empty, reserved ({@code rpc.*}) or taken
     */
    public void register(String method, RpcMethod implementation) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(implementation, "implementation");
        if (method.isEmpty() || method.startsWith("rpc.")) {
            // JSON-RPC 2.0 §4: names beginning with "rpc." are reserved for rpc-internal methods.
            throw new IllegalArgumentException("method name '" + method
                    + "' is empty or reserved (names starting with 'rpc.' are reserved); choose another");
        }
        if (methods.putIfAbsent(method, implementation) != null) {
            throw new IllegalArgumentException("method '" + method + "' is already registered");
        }
    }

    /** Dispatches a whole buffer; see {@link #dispatch(byte[], int, int)}. */
    public Reply dispatch(byte[] request) {
        return dispatch(request, 0, request.length);
    }

    /**
     * Dispatches one JSON-RPC message (a request object or a batch array).
     *
     * @return the reply; its body is null when nothing must be sent (notifications only)
     */
    public Reply dispatch(byte[] buffer, int offset, int length) {
        JsonNode root;
        try {
            root = reader.readTree(buffer, offset, length);
        } catch (JsonProcessingException e) {
            return new Reply(writer.single(Response.parseError(describe(e))), true);
        } catch (IOException e) {
            return new Reply(writer.single(Response.parseError("unreadable input")), true);
        }
        if (root == null || root.isMissingNode()) {
            return new Reply(writer.single(Response.parseError("empty request")), true);
        }
        if (!root.isArray()) {
            Response response = invoker.invoke(root);
            return new Reply(response == null ? null : writer.single(response), false);
        }
        return new Reply(batch(root), false);
    }

    private byte[] batch(JsonNode array) {
        if (array.isEmpty()) {
            // JSON-RPC 2.0 §6: an empty array is one Invalid Request, answered as a single object.
            return writer.single(Response.invalidRequest(null, "batch is empty"));
        }
        List<Response> responses = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            Response response = invoker.invoke(element);
            if (response != null) {
                responses.add(response);
            }
        }
        // JSON-RPC 2.0 §6: a batch of notifications only gets no response at all, not "[]".
        return responses.isEmpty() ? null : writer.batch(responses);
    }

    /** A standalone error response with a null id, for failures found before a request exists. */
    byte[] errorResponse(int code, String message) {
        return writer.single(Response.failure(null, new RpcProblem(code, message, null)));
    }

    private static String describe(JsonProcessingException e) {
        var where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        return e.getOriginalMessage() + at;
    }

    /**
     * What to send back for one message.
     *
     * @param body the serialised response, or null when nothing must be sent
     * @param malformed true when the input was not JSON: a stream transport should close after
     *     sending the body, because it can no longer trust its framing
     */
    public record Reply(byte[] body, boolean malformed) {

        /** True when {@link #body()} must be sent. */
        public boolean hasBody() {
            return body != null;
        }
    }
}
