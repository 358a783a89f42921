package io.callsign.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the service, and request-body decoding whose errors name the field that
 * is wrong ("field 'registered': expected a boolean") rather than Jackson's internals.
 */
public final class JsonBodies {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);

    static {
        // A float where text is expected has no single spelling: the body's "1.5e3" would become "1500.0"
        // through a parsed tree (JSON-RPC params), so HTTP and JSON-RPC would disagree. Refuse it instead.
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    private JsonBodies() {
    }

    /** Decodes {@code body} as {@code type}, or throws a 400 {@link Problem} naming the bad field. */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw Problem.badRequest("empty request body; send a JSON object");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException e) {
            throw Problem.badRequest(describe(e));
        }
    }

    /** Decodes an already-parsed tree (JSON-RPC params) with the same error messages. */
    public static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            throw Problem.badRequest(describe(e));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(rootMessage(e));
        }
    }

    /** A client-facing sentence for a decoding failure. */
    public static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            // "dest[0]", "a.b": indices attach to their array's name, as in the services' own messages.
            String path = m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            String field = path.startsWith(".") ? path.substring(1) : path;
            String expected = m instanceof InvalidFormatException f
                    ? "expected " + simpleName(f.getTargetType())
                    : "expected " + simpleName(m.getTargetType());
            String cause = rootMessage(m);
            return "field '" + field + "': " + (cause.startsWith("field ") || cause.isBlank() ? expected : cause);
        }
        if (e instanceof MismatchedInputException) {
            // The top-level value has the wrong type (an array, a number...); Jackson's text would name our Java classes (SEC-14).
            return "the request body must be a JSON object of named fields, e.g. {\"from\": \"...\", \"to\": \"...\"}";
        }
        if (e instanceof JsonProcessingException j) {
            return "malformed JSON: " + j.getOriginalMessage();
        }
        return "unreadable request body: " + e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IllegalArgumentException || t instanceof Problem) {
            return t.getMessage();
        }
        return "";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
