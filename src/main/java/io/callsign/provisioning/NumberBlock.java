package io.callsign.provisioning;

/**
 * A block of numbers (every number starting with {@code prefix}) assigned to a subscriber, as the API
 * shows it. The longest matching prefix wins, and a single number's row wins over any block.
 */
record NumberBlock(String id, String prefix, String subscriber, boolean verified, long version,
        String createdAt, String updatedAt) implements Resource.Versioned {
}
