package io.callsign.numbers;

import java.util.Objects;

/**
 * One number_blocks row: every number starting with {@code prefix}.
 *
 * @param id           the block's key
 * @param prefix       leading digits (1 to 15)
 * @param subscriberId holder
 * @param verified     the holder's right to use the block was checked
 */
public record BlockAssignment(String id, String prefix, String subscriberId, boolean verified) implements Assignment {
    public BlockAssignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(subscriberId, "subscriberId");
    }
}
