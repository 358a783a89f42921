package io.callsign.acme;

import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

import javax.net.ssl.SSLContext;

import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.exception.AcmeException;

/** One way of proving control: what to order, how to answer the challenge, what CSR to send. */
sealed interface ChallengeSolver permits Http01Solver, Dns01Solver, TkauthSolver {

    /** The newOrder identifier. */
    Identifier identifier();

    /** ACME-12: the CSR for a fresh key, carrying exactly the ordered identifier. */
    byte[] csr(KeyPair certificateKey);

    /** Answers one pending authorization and returns once its challenge is valid. */
    void solve(Authorization authorization, KeyPair accountKey) throws AcmeException, InterruptedException;

    /** The solver for the configured challenge type. */
    static ChallengeSolver forConfig(AcmeConfig config, Http01Responder http01, SSLContext tls, Clock clock) {
        return switch (config.challenge()) {
            case HTTP_01 -> new Http01Solver(config.domain(), http01, config.timeout(), clock);
            case DNS_01 -> new Dns01Solver(config.domain(), new DnsHook(config.dnsHook(), config.dnsHookTimeout()),
                    config.timeout(), clock);
            case TKAUTH_01 -> new TkauthSolver(config.tkauth(), new SpcTokenClient(config.tkauth(),
                    HttpClient.newBuilder().sslContext(tls).connectTimeout(config.timeout()).build(), clock,
                    config.timeout()), config.timeout(), clock);
        };
    }

    /** The challenge of {@code type} the CA offers for the authorization, or a failure naming the setting. */
    static <C extends Challenge> C offered(Authorization authorization, Class<C> type, String name, String domain) {
        return authorization.findChallenge(type).orElseThrow(() -> new AcmeFailure("the CA offers no " + name
                + " challenge for " + domain + "; choose another challenge type (CALLSIGN_ACME_CHALLENGE)"));
    }

    /** Triggers {@code challenge} and waits for the CA's verdict; anything but valid throws. */
    static void complete(Challenge challenge, Duration timeout, Clock clock) throws AcmeException, InterruptedException {
        if (challenge.getStatus() == Status.VALID) {
            return;
        }
        challenge.trigger();
        Status status = Polling.await(challenge, EnumSet.of(Status.VALID, Status.INVALID), timeout, clock);
        if (status != Status.VALID) {
            Problem problem = challenge.getError().orElse(null);
            throw new AcmeFailure("the CA did not accept the " + challenge.getType() + " challenge (status "
                    + status + ")" + (problem == null ? "" : ": " + problem.getType() + ": " + problem),
                    problem == null ? null : problem.getType(), null);
        }
    }
}
