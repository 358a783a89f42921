package io.callsign.acme;

import java.util.Locale;

/** One line about an {@link AcmeStatus} for readiness details and logs. Pure. */
final class AcmeStatusText {

    private AcmeStatusText() {
    }

    static String of(AcmeStatus status) {
        StringBuilder text = new StringBuilder(status.state().name().toLowerCase(Locale.ROOT));
        if (status.nextRenewal() != null) {
            text.append(status.serial() == null ? ", next attempt " : ", next renewal ").append(status.nextRenewal());
        }
        if (status.alert()) {
            text.append(status.serial() == null
                    ? ", ALERT: no certificate could be obtained"
                    : ", ALERT: the certificate expires at " + status.notAfter() + " and renewal has not succeeded");
        }
        if (status.lastError() != null) {
            text.append(", last error: ").append(status.lastError());
        }
        if (status.explanation() != null) {
            text.append(", CA explanation: ").append(status.explanation());
        }
        return text.toString();
    }
}
