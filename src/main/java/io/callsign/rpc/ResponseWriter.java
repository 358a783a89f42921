package io.callsign.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Serialises JSON-RPC 2.0 response objects (§5) to UTF-8 bytes. Thread-safe. */
final class ResponseWriter {

    private final JsonFactory factory;

    ResponseWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] single(Response response) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                write(g, response);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    byte[] batch(List<Response> responses) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(512 * responses.size())) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartArray();
                for (Response response : responses) {
                    write(g, response);
                }
                g.writeEndArray();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static void write(JsonGenerator g, Response response) throws IOException {
        g.writeStartObject();
        g.writeStringField("jsonrpc", "2.0");
        if (response.isError()) {
            RpcProblem error = response.error();
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", error.code());
            g.writeStringField("message", error.getMessage());
            if (error.data() != null) {
                g.writeFieldName("data");
                g.writeTree(error.data());
            }
            g.writeEndObject();
        } else {
            g.writeFieldName("result");
            g.writeTree(response.result());
        }
        g.writeFieldName("id");
        if (response.id() == null) {
            g.writeNull();
        } else {
            g.writeTree(response.id());
        }
        g.writeEndObject();
    }
}
