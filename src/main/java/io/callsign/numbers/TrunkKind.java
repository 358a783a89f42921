package io.callsign.numbers;

import java.util.Locale;

/** What kind of network a trunk connects to (trunks.kind). */
public enum TrunkKind {
    /** A customer's PBX or SBC; calls on it come from the trunk's subscriber. */
    CUSTOMER,
    /** Another carrier's network. */
    PEERING,
    /** A gateway from the PSTN or another non-SIP network. */
    GATEWAY,
    /** Our own elements (proxies, application servers); the caller is identified per call. */
    INTERNAL;

    /** The value stored in the database and shown to operators. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrunkKind parse(String value) {
        for (TrunkKind kind : values()) {
            if (kind.sqlName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("trunk kind '" + value + "' is not one of customer, peering, gateway, internal");
    }
}
