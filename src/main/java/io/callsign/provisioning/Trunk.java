package io.callsign.provisioning;

import java.util.List;

/**
 * Where calls enter from, as the API shows it: the kind (customer, peering, gateway, internal), the
 * source networks, and for customer trunks the subscriber they belong to.
 */
record Trunk(String name, String kind, List<String> cidrs, String subscriber, long version,
        String createdAt, String updatedAt) implements Resource.Versioned {

    @Override
    public String etag() {
        return Preconditions.etag(version, cidrs);
    }
}
