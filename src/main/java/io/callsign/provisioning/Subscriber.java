package io.callsign.provisioning;

import java.util.List;

/**
 * A subscriber as the API shows it: the customer, whether it is known (KYC), and the SIP identities
 * that identify it to the attestation policy.
 */
record Subscriber(String id, String name, boolean verified, List<String> users, long version,
        String createdAt, String updatedAt) implements Resource.Versioned {

    @Override
    public String etag() {
        return Preconditions.etag(version, users);
    }
}
