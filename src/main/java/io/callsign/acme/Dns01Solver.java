package io.callsign.acme;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;

import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.slf4j.LoggerFactory;

/** dns-01: the TXT record is published and removed by the operator's {@link DnsHook}. */
record Dns01Solver(String domain, DnsHook hook, Duration timeout, Clock clock) implements ChallengeSolver {

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
        Dns01Challenge challenge = ChallengeSolver.offered(authorization, Dns01Challenge.class, "dns-01", domain);
        String name = Dns01Challenge.toRRName(authorization.getIdentifier());
        String value = challenge.getDigest();
        hook.present(domain, name, value);
        try {
            ChallengeSolver.complete(challenge, timeout, clock);
        } finally {
            cleanup(name, value);
        }
    }

    // A stale TXT record is harmless; a failed cleanup must not hide the challenge's own outcome.
    private void cleanup(String name, String value) {
        try {
            hook.cleanup(domain, name, value);
        } catch (AcmeFailure e) {
            LoggerFactory.getLogger(Dns01Solver.class).warn("dns-01 cleanup of {} failed: {}", name, e.getMessage());
        }
    }
}
