package io.callsign.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over TCP on every configured {@link RpcListener}. One IO thread multiplexes all
 * connections with a {@link Selector} (hundreds of idle proxy connections cost no threads) and
 * owns every channel operation; a fixed pool of workers runs the methods, which may block on a
 * certificate fetch. Back-pressure: a connection stops being read while
 * {@link RpcConfig#maxPipelined()} of its requests are unanswered, which also bounds the work queue
 * to {@code maxConnections × maxPipelined}.
 *
 * <p>Thread-safe: {@link #start}, {@link #listeners} and {@link #stop} may be called from any thread.
 * This class is longer than most because the selector loop, accept and shutdown belong together.
 */
public final class RpcTcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcTcpServer.class);

    private final RpcConfig config;
    private final JsonRpcDispatcher dispatcher;
    private final Selector selector;
    private final ExecutorService workers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<ServerSocketChannel> serverChannels = new ArrayList<>();
    private final List<RpcListener> bound = new ArrayList<>();
    private final Set<RpcConnection> connections = new HashSet<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final ByteBuffer readBuffer;
    private final Thread ioThread;
    private volatile boolean running = true;
    private boolean draining;

    private RpcTcpServer(RpcConfig config, JsonRpcDispatcher dispatcher) throws IOException {
        this.config = config;
        this.dispatcher = dispatcher;
        this.selector = Selector.open();
        this.readBuffer = ByteBuffer.allocateDirect(Math.min(config.maxRequestBytes() + 16, 64 * 1024));
        this.workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads("callsign-rpc-worker-"));
        this.ioThread = daemonThreads("callsign-rpc-io-").newThread(this::loop);
    }

    /**
     * Binds every listener of {@code config} and starts serving.
     *
     * @throws IOException naming the address that could not be bound; nothing is left open
     */
    public static RpcTcpServer start(RpcConfig config, JsonRpcDispatcher dispatcher) throws IOException {
        RpcTcpServer server = new RpcTcpServer(config, dispatcher);
        try {
            for (RpcListener listener : config.listeners()) {
                server.bind(listener);
            }
        } catch (IOException e) {
            server.closeQuietly();
            throw e;
        }
        server.ioThread.start();
        return server;
    }

    private void bind(RpcListener listener) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        serverChannels.add(channel);
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(listener.address(), 256);
        } catch (IOException e) {
            throw new IOException("cannot listen for JSON-RPC on " + listener + " (CALLSIGN_RPC_LISTEN): "
                    + e.getMessage() + "; free the port or choose another address", e);
        }
        channel.configureBlocking(false);
        RpcListener actual = new RpcListener(listener.framing(), (InetSocketAddress) channel.getLocalAddress());
        channel.register(selector, SelectionKey.OP_ACCEPT, actual);
        bound.add(actual);
        LOG.info("JSON-RPC listening on {}", actual);
    }

    /** The addresses actually bound (with the real port when 0 was configured). */
    public List<RpcListener> listeners() {
        return List.copyOf(bound);
    }

    /** Connections currently open. */
    public int openConnections() {
        return openConnections.get();
    }

    private void loop() {
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
        closeQuietly();
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

    private static void closeKey(SelectionKey key) {
        if (key.attachment() instanceof RpcConnection connection) {
            connection.close("failed");
        } else {
            key.cancel();
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

    /** Called by a connection (IO thread): run one request on a worker, then hand the reply back. */
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

    private void onIoThread(Runnable task) {
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

    /**
     * Graceful stop: stops accepting and reading, lets requests already read finish and their
     * responses be written for up to {@code grace}, then closes everything. Idempotent.
     */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        onIoThread(this::beginDrain);
        long deadline = System.nanoTime() + grace.toNanos();
        while (openConnections.get() > 0 && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        running = false;
        selector.wakeup();
        try {
            ioThread.join(TimeUnit.SECONDS.toMillis(5));
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beginDrain() {
        draining = true;
        for (ServerSocketChannel channel : serverChannels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a JSON-RPC listener failed", e);
            }
        }
        for (RpcConnection connection : List.copyOf(connections)) {
            connection.drain();
        }
    }

    /** Stops with a five-second grace period. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private void closeQuietly() {
        for (ServerSocketChannel channel : serverChannels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing a JSON-RPC listener failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the JSON-RPC selector failed", e);
        }
        workers.shutdownNow();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
