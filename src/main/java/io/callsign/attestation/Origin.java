package io.callsign.attestation;

import io.callsign.numbers.Trunk;

/** What the origin rules concluded about who is calling. */
sealed interface Origin {

    /** One of our subscribers, and how we know (e.g. "auth user alice@ims.local"). */
    record Subscriber(String subscriberId, String how) implements Origin {
    }

    /** The call came from another network: gateway attestation at best. */
    record Foreign(Trunk trunk) implements Origin {
    }

    /** Nothing identifies the caller; {@code why} is the sentence for the reason. */
    record Unknown(String why) implements Origin {
    }
}
