package io.callsign.acme;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;

import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;

/** http-01: the key authorization is served by {@link Http01Responder} while the CA checks. */
record Http01Solver(String domain, Http01Responder responder, Duration timeout, Clock clock) implements ChallengeSolver {

    @Override
    public Identifier identifier() {
        return Identifier.dns(domain);
    }

    @Override
    public byte[] csr(KeyPair certificateKey) {
        return CsrFactory.forDomain(certificateKey, domain);
    }

    @Override
    public void solve(Authorization authorization, KeyPair accountKey) throws AcmeException, InterruptedException {
        Http01Challenge challenge = ChallengeSolver.offered(authorization, Http01Challenge.class, "http-01", domain);
        responder.put(challenge.getToken(), challenge.getAuthorization());
        try {
            ChallengeSolver.complete(challenge, timeout, clock);
        } finally {
            responder.remove(challenge.getToken());
        }
    }
}
