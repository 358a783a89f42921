package io.callsign.rpc;

import java.nio.ByteBuffer;

/**
 * Netstring framing, {@code <length>:<bytes>,} (D. J. Bernstein, netstrings.txt), as written and
 * read by Kamailio's {@code janssonrpcc} and {@code jsonrpcc}. The length is decimal ASCII without
 * leading zeros. Whitespace between netstrings is tolerated so that a person can type requests
 * with {@code nc}; anything else out of place is a framing error.
 */
final class NetstringDecoder implements FrameDecoder {

    private enum State { LENGTH, BODY, COMMA }

    private final int maxFrameBytes;
    private State state = State.LENGTH;
    private long length;
    private int digits;
    private byte[] body;
    private int filled;

    NetstringDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void feed(ByteBuffer input, Sink sink) throws FrameException {
        while (input.hasRemaining()) {
            switch (state) {
                case LENGTH -> readLength(input.get());
                case BODY -> readBody(input);
                case COMMA -> {
                    byte b = input.get();
                    if (b != ',') {
                        throw FrameException.garbled("netstring of " + length + " bytes ends with "
                                + describe(b) + " instead of ','");
                    }
                    byte[] frame = body;
                    reset();
                    sink.frame(frame);
                }
            }
        }
    }

    private void readLength(byte b) throws FrameException {
        if (b >= '0' && b <= '9') {
            if (digits == 1 && length == 0) {
                // netstrings.txt: "[len] begins with <30> exactly when [string] is empty".
                throw FrameException.garbled("netstring length has a leading zero");
            }
            length = length * 10 + (b - '0');
            digits++;
            if (length > maxFrameBytes) {
                throw FrameException.tooLarge(maxFrameBytes);
            }
        } else if (b == ':' && digits > 0) {
            body = new byte[(int) length];
            filled = 0;
            state = length == 0 ? State.COMMA : State.BODY;
        } else if (digits == 0 && isWhitespace(b)) {
            return;
        } else {
            throw FrameException.garbled("netstring length contains " + describe(b)
                    + "; expected decimal digits followed by ':'");
        }
    }

    private void readBody(ByteBuffer input) {
        int n = Math.min(input.remaining(), body.length - filled);
        input.get(body, filled, n);
        filled += n;
        if (filled == body.length) {
            state = State.COMMA;
        }
    }

    private void reset() {
        state = State.LENGTH;
        length = 0;
        digits = 0;
        body = null;
        filled = 0;
    }

    @Override
    public boolean hasPartialFrame() {
        return state != State.LENGTH || digits > 0;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t';
    }

    static String describe(byte b) {
        return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
    }

    /** Frames one response: {@code <length>:<json>,}. */
    static byte[] encode(byte[] json) {
        byte[] prefix = (json.length + ":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + json.length + 1];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(json, 0, framed, prefix.length, json.length);
        framed[framed.length - 1] = ',';
        return framed;
    }
}
