package io.callsign.passport;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hostile-input JSON for PASSporT segments: strict UTF-8, duplicate names rejected even when escaped
 * (RFC 7515 §4, SEC-03), bounded depth and sizes (SEC-09), nothing after the object. Also renders a
 * parsed tree in RFC 8225 §9 canonical form, to tell whether the signer followed it (VER-21).
 */
final class PassportJson {

    // A SHAKEN object nests 3 deep (payload > dest > tn); extensions such as rcd go a little deeper.
    static final int MAX_DEPTH = 16;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxNumberLength(32).maxStringLength(PassportCodec.MAX_TOKEN_CHARS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PassportJson() {
    }

    /** The JSON text of {@code bytes}, which must be valid UTF-8. */
    static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(name + " is not valid UTF-8 (RFC 7515 §5.2)");
        }
    }

    /** Parses {@code json}, which must hold exactly one JSON object. */
    static JsonNode object(String name, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid(name + " is not acceptable JSON: " + Texts.quote(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            throw invalid(name + " is not a JSON object");
        }
        return node;
    }

    /** {@code node} rendered with sorted keys and no whitespace (RFC 8225 §9). */
    static String canonical(JsonNode node) {
        return canonical(node, new StringBuilder(256)).toString();
    }

    private static StringBuilder canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                CanonicalJson.string(i == 0 ? out : out.append(','), fields.get(i).getKey()).append(':');
                canonical(fields.get(i).getValue(), out);
            }
            return out.append('}');
        }
        if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                canonical(it.next(), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            return out.append(']');
        }
        return node.isTextual() ? CanonicalJson.string(out, node.textValue()) : out.append(node.toString());
    }

    private static PassportException invalid(String detail) {
        return new PassportException(Reason.INVALID_IDENTITY_HEADER, detail);
    }
}
