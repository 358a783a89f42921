package io.callsign.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Plain JSON framing: consecutive JSON values on the stream with no delimiter required, as the
 * OpenSIPS {@code jsonrpc} module writes them. Jackson's non-blocking parser finds where each
 * top-level value ends (and rejects broken JSON as soon as it arrives); the value's bytes are then
 * handed on as one frame.
 */
final class JsonStreamDecoder implements FrameDecoder {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final int maxFrameBytes;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    /** Bytes from stream offset {@code windowStart}: the unfinished frame, if any. */
    private byte[] window = new byte[1024];
    private int windowLength;
    private long windowStart;
    private int depth;

    JsonStreamDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
        try {
            this.parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    @Override
    public void feed(ByteBuffer input, Sink sink) throws FrameException {
        int offset = append(input);
        // The parser reads the window in place: nothing may move until it has consumed all of it.
        int emitted = 0;
        try {
            feeder.feedInput(window, offset, windowLength);
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0 && token != JsonToken.FIELD_NAME) {
                    int start = skipWhitespace(emitted);
                    int end = (int) (parser.currentLocation().getByteOffset() - windowStart);
                    if (end - start > maxFrameBytes) {
                        throw FrameException.tooLarge(maxFrameBytes);
                    }
                    sink.frame(Arrays.copyOfRange(window, start, end));
                    emitted = end;
                }
            }
        } catch (JsonProcessingException e) {
            throw FrameException.garbled(e.getOriginalMessage());
        } catch (IOException e) {
            throw FrameException.garbled("unreadable input");
        }
        shift(skipWhitespace(emitted));
        if (windowLength > maxFrameBytes) {
            throw FrameException.tooLarge(maxFrameBytes);
        }
    }

    /** Copies the input after the buffered bytes (the parser has consumed those) and returns where it starts. */
    private int append(ByteBuffer input) {
        int n = input.remaining();
        if (windowLength + n > window.length) {
            window = Arrays.copyOf(window, Math.max(window.length * 2, windowLength + n));
        }
        int offset = windowLength;
        input.get(window, offset, n);
        windowLength += n;
        return offset;
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < windowLength && isWhitespace(window[i])) {
            i++;
        }
        return i;
    }

    private void shift(int count) {
        if (count > 0) {
            System.arraycopy(window, count, window, 0, windowLength - count);
            windowLength -= count;
            windowStart += count;
        }
    }

    @Override
    public boolean hasPartialFrame() {
        return windowLength > 0;
    }

    private static boolean isWhitespace(byte b) {
        // RFC 8259 §2: the four insignificant whitespace characters.
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** Frames one response: the JSON text and a newline (clients that read lines see one per response). */
    static byte[] encode(byte[] json) {
        byte[] framed = Arrays.copyOf(json, json.length + 1);
        framed[json.length] = '\n';
        return framed;
    }
}
