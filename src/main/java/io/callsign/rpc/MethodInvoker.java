package io.callsign.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one JSON-RPC 2.0 request object (§4) and calls its method. Thread-safe; holds no
 * per-call state.
 */
final class MethodInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(MethodInvoker.class);

    private final ObjectMapper mapper;
    private final Map<String, RpcMethod> methods;

    MethodInvoker(ObjectMapper mapper, Map<String, RpcMethod> methods) {
        this.mapper = mapper;
        this.methods = methods;
    }

    /** Returns the response to send, or null for a notification (JSON-RPC 2.0 §4.1). */
    Response invoke(JsonNode request) {
        if (!request.isObject()) {
            return Response.invalidRequest(null, "expected a JSON object, got " + kind(request));
        }
        JsonNode id = request.get("id");
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return Response.invalidRequest(null, "member 'id' must be a string, a number or null");
        }
        String problem = envelopeProblem(request);
        if (problem != null) {
            // JSON-RPC 2.0 §5: an invalid request is answered even without an id (the id is unknown).
            return Response.invalidRequest(id, problem);
        }
        String name = request.get("method").textValue();
        RpcMethod method = methods.get(name);
        boolean notification = id == null;
        if (method == null) {
            return notification ? null : Response.failure(id, new RpcProblem(
                    RpcProblem.METHOD_NOT_FOUND, "Method not found: '" + name + "'", null));
        }
        Response response = call(name, method, request.get("params"), id);
        return notification ? null : response;
    }

    private Response call(String name, RpcMethod method, JsonNode params, JsonNode id) {
        try {
            Object result = method.call(params == null ? NullNode.getInstance() : params);
            JsonNode tree = result instanceof JsonNode node ? node : mapper.valueToTree(result);
            return Response.success(id, tree == null ? NullNode.getInstance() : tree);
        } catch (RpcProblem problem) {
            return Response.failure(id, problem);
        } catch (RuntimeException e) {
            // Never a stack trace or exception text to the client: it may carry internal state.
            LOG.error("JSON-RPC method '{}' failed unexpectedly", name, e);
            return Response.failure(id, new RpcProblem(RpcProblem.INTERNAL_ERROR,
                    "Internal error in method '" + name + "'; the server log has the details", null));
        }
    }

    private static String envelopeProblem(JsonNode request) {
        JsonNode version = request.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.textValue())) {
            return "member 'jsonrpc' must be \"2.0\"";
        }
        JsonNode method = request.get("method");
        if (method == null || !method.isTextual()) {
            return "member 'method' must be a string";
        }
        JsonNode params = request.get("params");
        if (params != null && !params.isContainerNode()) {
            return "member 'params' must be an object or an array when present";
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
