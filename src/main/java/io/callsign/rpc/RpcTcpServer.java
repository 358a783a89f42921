package io.callsign.rpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over TCP on every configured {@link RpcListener}. One IO thread multiplexes all
 * connections with a {@link java.nio.channels.Selector} (hundreds of idle proxy connections cost no
 * threads); a fixed pool of workers runs the methods, which may block on a certificate fetch.
 * Back-pressure: a connection is not read while {@link RpcConfig#maxPipelined()} of its requests
 * are unanswered, which also bounds the work queue to {@code maxConnections × maxPipelined}.
 * Responses go out as they complete, each with its request's id.
 *
 * <p>Thread-safe: every public method may be called from any thread.
 */
public final class RpcTcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcTcpServer.class);

    private final ExecutorService workers;
    private final IoLoop loop;
    private final Thread ioThread;
    private final List<RpcListener> bound = new ArrayList<>();
    private boolean stopped;

    private RpcTcpServer(RpcConfig config, JsonRpcDispatcher dispatcher) throws IOException {
        this.workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads("callsign-rpc-worker-"));
        this.loop = new IoLoop(config, dispatcher, workers);
        this.ioThread = daemonThreads("callsign-rpc-io-").newThread(loop);
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
            server.loop.close();
            server.workers.shutdownNow();
            throw e;
        }
        server.ioThread.start();
        return server;
    }

    private void bind(RpcListener listener) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(listener.address(), 256);
            RpcListener actual = new RpcListener(listener.framing(), (InetSocketAddress) channel.getLocalAddress());
            loop.listen(channel, actual);
            bound.add(actual);
            LOG.info("JSON-RPC listening on {}", actual);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen for JSON-RPC on " + listener + " (CALLSIGN_RPC_LISTEN): "
                    + e.getMessage() + "; free the port or choose another address", e);
        }
    }

    /** The addresses actually bound (with the real port when 0 was configured). */
    public synchronized List<RpcListener> listeners() {
        return List.copyOf(bound);
    }

    /** Connections currently open. */
    public int openConnections() {
        return loop.openConnections();
    }

    /**
     * Graceful stop: stops accepting and reading, lets requests already read finish and their
     * responses be written for up to {@code grace}, then closes everything. Idempotent.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        loop.onIoThread(loop::drain);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (loop.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            loop.stop();
            ioThread.join(TimeUnit.SECONDS.toMillis(5));
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            loop.stop();
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops with a five-second grace period. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
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
