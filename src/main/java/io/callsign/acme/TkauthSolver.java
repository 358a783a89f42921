package io.callsign.acme;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * tkauth-01 for SHAKEN (RFC 9448, ATIS-1000080): orders the TNAuthList holding our SPC and answers
 * with an SPC token from the STI-PA bound to our account key.
 */
record TkauthSolver(TkauthSettings settings, SpcTokenClient tokens, Duration timeout, Clock clock) implements ChallengeSolver {

    @Override
    public Identifier identifier() {
        // ACME-07: {"type":"TNAuthList","value":<encoded DER TNAuthList>}
        return new Identifier(TnAuthList.IDENTIFIER_TYPE, tkvalue());
    }

    @Override
    public byte[] csr(KeyPair certificateKey) {
        // ACME-12: the extension carries the same DER as the identifier
        return CsrFactory.forTnAuthList(certificateKey, TnAuthList.der(settings.spc()));
    }

    @Override
    public void solve(Authorization authorization, KeyPair accountKey) throws AcmeException, InterruptedException {
        TkauthChallenge challenge = select(authorization.getChallenges());
        String fingerprint = AccountFingerprint.of(accountKey.getPublic(), settings.fingerprint());
        challenge.answerWith(settings.field().member(), tokens.token(tkvalue(), fingerprint));
        try {
            ChallengeSolver.complete(challenge, timeout, clock);
        } catch (AcmeFailure e) {
            tokens.invalidate(); // ACME-10: a rejected token is not offered again; the next attempt gets a fresh one
            throw e;
        }
    }

    private String tkvalue() {
        return TnAuthList.encode(TnAuthList.der(settings.spc()), settings.encoding());
    }

    /** ACME-08: by type and tkauth-type, never by position; ACME-18: spc-token is refused by name. */
    private static TkauthChallenge select(List<Challenge> offered) {
        return offered.stream()
                .filter(TkauthChallenge.class::isInstance)
                .map(TkauthChallenge.class::cast)
                .filter(challenge -> challenge.tkauthType().filter("atc"::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> unsupported(offered));
    }

    private static AcmeFailure unsupported(List<Challenge> offered) {
        String types = offered.stream().map(Challenge::getType).collect(Collectors.joining(", ", "[", "]"));
        if (types.contains("spc-token")) {
            return new AcmeFailure("unsupported challenge: the CA offers the legacy spc-token challenge"
                    + " (ATIS-1000080 v001) but no tkauth-01 with tkauth-type atc (RFC 9448); offered " + types
                    + ". Ask the STI-CA for tkauth-01.");
        }
        return new AcmeFailure("unsupported challenge: no tkauth-01 challenge with tkauth-type atc among " + types);
    }
}
