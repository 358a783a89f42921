package io.callsign.verification;

import io.callsign.certificates.Credential;
import io.callsign.certificates.FailureKind;
import io.callsign.certificates.Resolution;
import io.callsign.certificates.TestPki;
import io.callsign.ops.Metrics;
import io.callsign.passport.IdentityHeaderCodec;
import io.callsign.passport.PassportCodec;
import io.callsign.passport.ShakenClaims;
import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Shared test material: one SHAKEN test PKI, the call's numbers, tokens signed with the test leaf key
 * by {@link PassportCodec}, and a fake {@link CredentialSource} answering from a map and recording
 * what it was asked.
 */
final class Fixture {

    static final Instant NOW = TestPki.NOW;
    static final long NOW_S = NOW.getEpochSecond();
    static final String X5U = "https://x5u.test/sti/cert.pem";
    static final String FROM = "\"Alice\" <sip:+15145559876@ims.local;user=phone>;tag=a1";
    static final String TO = "<sip:+15145551234@ims.local>";
    static final String ORIG = "15145559876";
    static final String DEST = "15145551234";
    static final String ORIGID = "123e4567-e89b-12d3-a456-426655440000";
    static final TestPki PKI = TestPki.create();
    static final TestPki.Issued LEAF = PKI.leaf();

    private static final DateTimeFormatter SIP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private Fixture() {
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static String date(Instant instant) {
        return SIP_DATE.format(instant);
    }

    static ShakenClaims claims(String attest, long iat) {
        return new ShakenClaims(attest, List.of(DEST), iat, ORIG, ORIGID);
    }

    /** The canonical payload JSON of {@link #claims()}. */
    static String claimsJson() {
        return PassportCodec.encodePayload(claims());
    }

    static ShakenClaims claims() {
        return claims("A", NOW_S);
    }

    /** A full Identity header value: {@code jws;info=<x5u>;alg=ES256;ppt=shaken}. */
    static String identity(ShakenClaims claims, String x5u, PrivateKey key) {
        return IdentityHeaderCodec.format(PassportCodec.sign(claims, URI.create(x5u), key), URI.create(x5u));
    }

    static String identity(ShakenClaims claims) {
        return identity(claims, X5U, LEAF.privateKey());
    }

    static String identity() {
        return identity(claims());
    }

    static VerifyRequest request(String identity) {
        return request(List.of(identity), date(NOW));
    }

    static VerifyRequest request(List<String> identity, String date) {
        return new VerifyRequest(identity, FROM, null, TO, null, date, "call-1@test");
    }

    static Credential credential(String x5u, TestPki.Issued leaf) {
        return new Credential(x5u, PKI.chain(leaf), PKI.chain(leaf), PKI.root().certificate(),
                (ECPublicKey) leaf.certificate().getPublicKey(), TestPki.SPC,
                leaf.certificate().getNotBefore().toInstant(), leaf.certificate().getNotAfter().toInstant(),
                Optional.empty(), List.of());
    }

    static VerificationService service(VerificationConfig config, CredentialSource credentials) {
        return new VerificationService(config, credentials, clock(), new Metrics());
    }

    /** Answers from a map (unknown URLs: 436) and records every lookup. */
    static final class FakeCredentials implements CredentialSource {
        final Map<String, Resolution> answers = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();
        final List<Instant> callTimes = new CopyOnWriteArrayList<>();

        FakeCredentials trusting(String x5u, TestPki.Issued leaf) {
            answers.put(x5u, new Resolution.Trusted(credential(x5u, leaf), List.of()));
            return this;
        }

        FakeCredentials failing(String x5u, FailureKind kind) {
            answers.put(x5u, new Resolution.Failed(kind, "x5u " + x5u + ": test failure " + kind));
            return this;
        }

        static FakeCredentials standard() {
            return new FakeCredentials().trusting(X5U, LEAF);
        }

        @Override
        public Resolution resolve(String x5u, Instant callTime) {
            asked.add(x5u);
            callTimes.add(callTime);
            return answers.getOrDefault(x5u, new Resolution.Failed(FailureKind.FETCH_FAILED,
                    "x5u " + x5u + ": not served in this test"));
        }
    }
}
