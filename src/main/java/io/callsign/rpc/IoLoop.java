package io.callsign.rpc;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server's single IO thread: accepts, reads, writes and closes every connection. It
 * is the only thread touching channels and selection keys; workers hand results back through
 * {@link #onIoThread}, which queues a task and wakes the selector. Longer than most classes because
 * the selector loop, accept and shutdown belong together.
 */
final class IoLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(IoLoop.class);

    private final RpcConfig config;
    private final JsonRpcDispatcher dispatcher;
    private final ExecutorService workers;
    private final Selector selector;
    private final ByteBuffer readBuffer;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<RpcConnection> connections = new HashSet<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private volatile boolean running = true;
    private boolean draining;

    IoLoop(RpcConfig config, JsonRpcDispatcher dispatcher, ExecutorService workers) throws IOException {
        this.config = config;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.selector = Selector.open();
        this.readBuffer = ByteBuffer.allocateDirect(Math.min(config.maxRequestBytes() + 16, 64 * 1024));
    }

    void listen(ServerSocketChannel channel, RpcListener listener) throws IOException {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT, listener);
    }

    int openConnections() {
        return openConnections.get();
    }

    @Override
    public void run() {
        while (running) {
            try {
                selector.select();
            } catch (IOException e) {
                LOG.error("JSON-RPC selector failed; continuing", e);
            }
            runTasks();
            for (SelectionKey key : selector.selectedKeys()) {
                try {
                    handle(key);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("JSON-RPC connection failed; closing it", e);
                    closeKey(key);
                }
            }
            selector.selectedKeys().clear();
        }
        for (RpcConnection connection : List.copyOf(connections)) {
            connection.close("server stopped");
        }
        close();
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept((ServerSocketChannel) key.channel(), ((RpcListener) key.attachment()).framing());
            return;
        }
        RpcConnection connection = (RpcConnection) key.attachment();
        if (key.isWritable()) {
            connection.onWritable();
        }
        if (key.isValid() && key.isReadable()) {
            connection.onReadable(readBuffer);
        }
    }

    private void accept(ServerSocketChannel server, Framing framing) throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        if (draining || connections.size() >= config.maxConnections()) {
            LOG.warn("Refusing JSON-RPC connection from {}: {} connections open (limit {}), or stopping",
                    channel.getRemoteAddress(), connections.size(), config.maxConnections());
            channel.close();
            return;
        }
        channel.configureBlocking(false);
        // Call-path latency: never wait to coalesce small responses.
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        RpcConnection connection = new RpcConnection(this, channel, key, framing,
                config.maxRequestBytes(), config.maxPipelined());
        key.attach(connection);
        connections.add(connection);
        openConnections.incrementAndGet();
    }

    private static void closeKey(SelectionKey key) {
        if (key.attachment() instanceof RpcConnection connection) {
            connection.close("failed");
        } else {
            key.cancel();
        }
    }

    /** Called by a connection: run one request on a worker, then hand the reply back. */
    void execute(RpcConnection connection, byte[] frame) {
        workers.execute(() -> {
            JsonRpcDispatcher.Reply reply;
            try {
                reply = dispatcher.dispatch(frame);
            } catch (RuntimeException | Error e) {
                LOG.error("JSON-RPC dispatch failed unexpectedly; closing the connection", e);
                reply = new JsonRpcDispatcher.Reply(errorResponse(RpcProblem.INTERNAL_ERROR, "Internal error"), true);
            }
            JsonRpcDispatcher.Reply done = reply;
            onIoThread(() -> connection.complete(done));
        });
    }

    byte[] errorResponse(int code, String message) {
        return dispatcher.errorResponse(code, message);
    }

    void closed(RpcConnection connection) {
        if (connections.remove(connection)) {
            openConnections.decrementAndGet();
        }
    }

    void onIoThread(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("JSON-RPC IO task failed; continuing", e);
            }
        }
    }

    /** IO thread: stop accepting; every connection answers what it has read, then closes. */
    void drain() {
        draining = true;
        for (SelectionKey key : selector.keys()) {
            if (key.channel() instanceof ServerSocketChannel listener) {
                closeQuietly(listener);
            }
        }
        for (RpcConnection connection : List.copyOf(connections)) {
            connection.drain();
        }
    }

    /** Any thread: ends the loop; remaining connections are closed by the IO thread. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    /** Closes the selector and every listener registered with it. */
    void close() {
        for (SelectionKey key : selector.keys()) {
            if (key.channel() instanceof ServerSocketChannel listener) {
                closeQuietly(listener);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the JSON-RPC selector failed", e);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a JSON-RPC listener failed", e);
        }
    }
}
