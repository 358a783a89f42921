package io.callsign.acme;

/**
 * A forced renewal was refused because another instance holds the renewal lease and is renewing
 * right now; its result reaches this instance at the next sync. Retrying later is the fix.
 */
public final class RenewalBusy extends AcmeFailure {

    public RenewalBusy(String message) {
        super(message);
    }
}
