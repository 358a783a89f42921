package io.callsign.numbers;

import java.util.Objects;

/**
 * A customer of the service.
 *
 * @param id       the subscriber's key, e.g. {@code acct-42}
 * @param name     display name, possibly empty
 * @param verified the customer is known (KYC done)
 */
public record Subscriber(String id, String name, boolean verified) {
    public Subscriber {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
