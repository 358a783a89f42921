package io.callsign.certificates;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * At most one running task per key: later callers join the running one (X5U-08 request
 * coalescing). The task must store its result before it completes; the key is free again once the
 * future completes. Thread-safe.
 */
final class SingleFlight<V> {

    /** @param started whether this call started the task, rather than joining one */
    record Flight<V>(CompletableFuture<V> result, boolean started) { }

    private final Map<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();
    private final Executor executor;

    SingleFlight(Executor executor) {
        this.executor = executor;
    }

    /** @param onError the value when the task throws or the executor refuses it */
    Flight<V> run(String key, Supplier<V> task, Function<RuntimeException, V> onError) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = running.putIfAbsent(key, mine);
        if (existing != null) {
            return new Flight<>(existing, false);
        }
        try {
            executor.execute(() -> finish(key, mine, task, onError));
        } catch (RejectedExecutionException e) {
            running.remove(key, mine);
            mine.complete(onError.apply(e));
        }
        return new Flight<>(mine, true);
    }

    private void finish(String key, CompletableFuture<V> mine, Supplier<V> task, Function<RuntimeException, V> onError) {
        V value;
        try {
            value = task.get();
        } catch (RuntimeException e) {
            value = onError.apply(e);
        }
        running.remove(key, mine);
        mine.complete(value);
    }
}
