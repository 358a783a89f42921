package io.callsign.provisioning;

/**
 * One number assigned to a subscriber, as the API shows it. {@code verified}: the subscriber's right
 * to use the number was checked. The validity window bounds are ISO 8601 instants or null (open).
 */
record NumberAssignment(String tn, String subscriber, boolean verified, String validFrom, String validUntil,
        long version, String createdAt, String updatedAt) implements Resource.Versioned {
}
