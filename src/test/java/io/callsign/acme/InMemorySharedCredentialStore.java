package io.callsign.acme;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The shared table, in memory. Test fake. */
final class InMemorySharedCredentialStore implements SharedCredentialStore {

    private final AtomicReference<String> latest = new AtomicReference<>();
    final AtomicInteger publications = new AtomicInteger();

    @Override
    public void publish(String keyAndChainPem) {
        latest.set(keyAndChainPem);
        publications.incrementAndGet();
    }

    @Override
    public Optional<String> latest() {
        return Optional.ofNullable(latest.get());
    }
}
