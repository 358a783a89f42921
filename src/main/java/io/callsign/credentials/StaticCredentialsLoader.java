package io.callsign.credentials;

import io.callsign.config.ConfigException;
import io.callsign.config.ConfigProblem;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads operator-supplied signing credentials: {@code CALLSIGN_SIGNING_KEY} (PEM, PKCS#8 or SEC1),
 * {@code CALLSIGN_SIGNING_CERT} (PEM chain, leaf first) and {@code CALLSIGN_X5U}. Refuses, with one
 * {@link ConfigProblem} per defect, anything a verifier would reject: a key other than P-256, a leaf
 * that does not match it or is not valid now, an x5u that is not https on 443/8443 or carries
 * userinfo, a query or a fragment. Stateless.
 */
public final class StaticCredentialsLoader {

    public static final String SOURCE = "static";

    private StaticCredentialsLoader() {
    }

    /** Loads and checks the three settings; every problem is reported, not only the first. */
    public static Result load(Path keyFile, Path certFile, URI x5u, Clock clock) {
        List<ConfigProblem> problems = new ArrayList<>();
        X5uRule.fix(x5u).ifPresent(fix -> problems.add(new ConfigProblem("CALLSIGN_X5U", x5u.toString(), fix)));
        Optional<PemIdentity> identity = PemIdentity.read(
                new PemIdentity.Setting("CALLSIGN_SIGNING_KEY", keyFile),
                new PemIdentity.Setting("CALLSIGN_SIGNING_CERT", certFile),
                clock.instant(), problems,
                key -> KeyChecks.whyNotP256(key).map(why -> "SHAKEN signs with ES256, which needs an EC P-256 key, but "
                        + why + " (CERT-04); create one with: openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256"));
        if (!problems.isEmpty() || identity.isEmpty()) {
            return new Refused(problems);
        }
        return new Loaded(new SigningCredentials(identity.get().key(), identity.get().chain(), x5u, SOURCE));
    }

    /** The outcome of {@link #load}. */
    public sealed interface Result permits Loaded, Refused {

        /** The credentials, or a {@link ConfigException} carrying every problem. */
        default SigningCredentials orThrow() {
            if (this instanceof Loaded loaded) {
                return loaded.credentials();
            }
            throw new ConfigException(((Refused) this).problems());
        }
    }

    public record Loaded(SigningCredentials credentials) implements Result {
    }

    /** @param problems at least one, each naming the setting, the offending value and the fix */
    public record Refused(List<ConfigProblem> problems) implements Result {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
