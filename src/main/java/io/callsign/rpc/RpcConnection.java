package io.callsign.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted TCP connection: decodes frames, hands them to the workers and writes responses as
 * they complete. Responses are written in completion order, not request order: a client that
 * pipelines matches them by id (JSON-RPC 2.0 §5), as {@code janssonrpcc} and {@code jsonrpcc} do;
 * a slow request (a certificate fetch) then never holds back the fast ones behind it.
 *
 * <p>Not thread-safe: every method runs on the server's IO thread.
 */
final class RpcConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RpcConnection.class);

    /** Bytes to write; {@code request} is true when it answers a request counted in {@link #inFlight}. */
    private record Output(ByteBuffer bytes, boolean request) {}

    private final IoLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final Framing framing;
    private final FrameDecoder decoder;
    private final int maxPipelined;
    private final String remote;
    private final ArrayDeque<Output> output = new ArrayDeque<>();
    /** Frames decoded while the pipeline was full; at most one read buffer's worth. */
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    /** Requests handed to workers whose response is not written yet. */
    private int inFlight;
    private boolean inputClosed;
    private boolean closed;

    RpcConnection(IoLoop loop, SocketChannel channel, SelectionKey key, Framing framing,
            int maxFrameBytes, int maxPipelined) {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        this.framing = framing;
        this.decoder = framing.newDecoder(maxFrameBytes);
        this.maxPipelined = maxPipelined;
        this.remote = describe(channel);
    }

    void onReadable(ByteBuffer buffer) {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close("read failed: " + e.getMessage());
            return;
        }
        if (n < 0) {
            endOfInput();
            return;
        }
        buffer.flip();
        try {
            decoder.feed(buffer, this::submit);
        } catch (FrameException e) {
            LOG.debug("Closing RPC connection {}: {}", remote(), e.getMessage());
            answerAndClose(e.code(), e.getMessage());
            return;
        }
        updateInterest();
    }

    private void submit(byte[] frame) {
        if (inFlight < maxPipelined) {
            inFlight++;
            loop.execute(this, frame);
        } else {
            waiting.add(frame);
        }
    }

    private void submitWaiting() {
        while (inFlight < maxPipelined && !waiting.isEmpty()) {
            inFlight++;
            loop.execute(this, waiting.poll());
        }
    }

    /** A worker finished one request. */
    void complete(JsonRpcDispatcher.Reply reply) {
        if (closed) {
            return;
        }
        if (reply.hasBody()) {
            output.add(new Output(ByteBuffer.wrap(framing.encode(reply.body())), true));
        } else {
            inFlight--;
        }
        if (reply.malformed()) {
            // The frame was intact but not JSON: the peer is confused, stop trusting its stream.
            inputClosed = true;
            waiting.clear();
        }
        flush();
    }

    void onWritable() {
        flush();
    }

    /** Stops reading; the connection closes once the requests already read are answered. */
    void drain() {
        inputClosed = true;
        updateInterest();
        closeIfDone();
    }

    private void endOfInput() {
        inputClosed = true;
        if (decoder.hasPartialFrame()) {
            answerAndClose(RpcProblem.PARSE_ERROR, "Parse error: the connection ended inside a frame");
            return;
        }
        updateInterest();
        closeIfDone();
    }

    private void answerAndClose(int code, String message) {
        inputClosed = true;
        output.add(new Output(ByteBuffer.wrap(framing.encode(loop.errorResponse(code, message))), false));
        flush();
    }

    private void flush() {
        if (closed) {
            return;
        }
        while (!output.isEmpty()) {
            Output next = output.peek();
            try {
                channel.write(next.bytes());
            } catch (IOException e) {
                close("write failed: " + e.getMessage());
                return;
            }
            if (next.bytes().hasRemaining()) {
                break;
            }
            output.poll();
            if (next.request()) {
                inFlight--;
            }
        }
        submitWaiting();
        updateInterest();
        closeIfDone();
    }

    private void updateInterest() {
        if (closed || !key.isValid()) {
            return;
        }
        boolean canRead = !inputClosed && inFlight < maxPipelined && waiting.isEmpty();
        int ops = (canRead ? SelectionKey.OP_READ : 0)
                | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        key.interestOps(ops);
    }

    private void closeIfDone() {
        if (inputClosed && inFlight == 0 && output.isEmpty() && waiting.isEmpty()) {
            close(null);
        }
    }

    void close(String why) {
        if (closed) {
            return;
        }
        closed = true;
        if (why != null) {
            LOG.debug("RPC connection {} closed: {}", remote(), why);
        }
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing RPC connection {} failed", remote(), e);
        }
        loop.closed(this);
    }

    boolean isClosed() {
        return closed;
    }

    private String remote() {
        return remote;
    }

    private static String describe(SocketChannel channel) {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "(unknown peer)";
        }
    }
}
