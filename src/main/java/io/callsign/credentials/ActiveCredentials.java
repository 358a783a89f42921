package io.callsign.credentials;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The credentials the service signs with and publishes right now. Readers on the call path take one
 * volatile read; a rotation replaces key, chain and x5u in one atomic step. Thread-safe.
 */
public final class ActiveCredentials {

    private final AtomicReference<SigningCredentials> current = new AtomicReference<>();
    private final List<Consumer<SigningCredentials>> preparers = new CopyOnWriteArrayList<>();
    private final List<Consumer<SigningCredentials>> listeners = new CopyOnWriteArrayList<>();

    /** The active credentials, or empty before the first set is installed. */
    public Optional<SigningCredentials> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Runs the preparers (publication: the chain must be fetchable at its x5u before the first
     * signature names it), installs {@code next} atomically, then tells the listeners (logs, metrics).
     */
    public void install(SigningCredentials next) {
        preparers.forEach(preparer -> preparer.accept(next));
        current.set(next);
        listeners.forEach(listener -> listener.accept(next));
    }

    /** Runs {@code preparer} with every new set just before it becomes active; it must not throw. */
    public void beforeInstall(Consumer<SigningCredentials> preparer) {
        preparers.add(preparer);
    }

    public void onChange(Consumer<SigningCredentials> listener) {
        listeners.add(listener);
    }
}
