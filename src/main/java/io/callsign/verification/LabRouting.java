package io.callsign.verification;

import io.callsign.certificates.Resolution;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * In lab mode, sends x5u URLs on the lab host to a resolver that trusts the lab root (as STI anchor
 * and HTTPS CA), lets that host past the special-address block and accepts any port, since a lab
 * listener may be bound to a random port. Every other URL goes to the production resolver with its
 * unchanged rules. Thread-safe.
 */
final class LabRouting implements CredentialSource {

    private final String labHost;
    private final CredentialSource lab;
    private final CredentialSource production;
    /** The last URL judged and its answer: calls repeat a handful of x5u URLs, and URI parsing is not free. */
    private volatile Judged last = new Judged("", false);

    private record Judged(String x5u, boolean lab) {
    }

    LabRouting(String labHost, CredentialSource lab, CredentialSource production) {
        this.labHost = unbracket(labHost).toLowerCase(Locale.ROOT);
        this.lab = lab;
        this.production = production;
    }

    @Override
    public Resolution resolve(String x5u, Instant callTime) {
        return isLab(x5u) ? lab.resolve(x5u, callTime) : production.resolve(x5u, callTime);
    }

    @Override
    public Optional<Resolution> resolveWithoutWaiting(String x5u, Instant callTime) {
        return isLab(x5u) ? lab.resolveWithoutWaiting(x5u, callTime) : production.resolveWithoutWaiting(x5u, callTime);
    }

    boolean isLab(String x5u) {
        Judged judged = last;
        if (judged.x5u().equals(x5u)) {
            return judged.lab();
        }
        boolean lab = hostIsLab(x5u);
        last = new Judged(x5u, lab);
        return lab;
    }

    private boolean hostIsLab(String x5u) {
        try {
            String host = new URI(x5u).getHost();
            return host != null && unbracket(host).toLowerCase(Locale.ROOT).equals(labHost);
        } catch (URISyntaxException e) {
            return false; // the production resolver reports the bad URL
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
