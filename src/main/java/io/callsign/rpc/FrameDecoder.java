package io.callsign.rpc;

import java.nio.ByteBuffer;

/**
 * Splits a TCP byte stream into request frames. One instance per connection; not thread-safe (the
 * connection's IO thread is its only user). After a {@link FrameException} the decoder is unusable
 * and the connection must be closed.
 */
sealed interface FrameDecoder permits NetstringDecoder, JsonStreamDecoder {

    /** Receives each complete frame; the array belongs to the receiver. */
    @FunctionalInterface
    interface Sink {
        void frame(byte[] frame);
    }

    /** Consumes all of {@code input}, passing every completed frame to {@code sink}. */
    void feed(ByteBuffer input, Sink sink) throws FrameException;

    /** True when bytes of an unfinished frame are buffered (the peer closed mid-frame). */
    boolean hasPartialFrame();
}
