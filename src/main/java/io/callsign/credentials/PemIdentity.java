package io.callsign.credentials;

import io.callsign.config.ConfigProblem;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A private key and its certificate chain read from two PEM files named by settings, with the
 * checks every such pair needs: both readable, chain leaf first, leaf valid now, key matching the
 * leaf. Problems name the setting and the file, never the key material.
 */
record PemIdentity(PrivateKey key, List<X509Certificate> chain) {

    PemIdentity {
        chain = List.copyOf(chain);
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * Reads the pair, adding each problem found to {@code problems}; empty when any was found.
     * {@code extraKeyCheck} adds a check of the key alone (e.g. P-256 for signing), or null.
     */
    static Optional<PemIdentity> read(Setting keyFile, Setting certFile, Instant now, List<ConfigProblem> problems,
            KeyCheck extraKeyCheck) {
        int before = problems.size();
        PrivateKey key = readKey(keyFile, problems, extraKeyCheck);
        List<X509Certificate> chain = readChain(certFile, now, problems);
        if (key != null && chain != null && !KeyChecks.matches(key, chain.get(0).getPublicKey())) {
            problems.add(certFile.problem("the leaf certificate's public key does not match the private key in "
                    + keyFile.key() + " (" + keyFile.path() + "); give the certificate issued for that key"));
        }
        return problems.size() == before ? Optional.of(new PemIdentity(key, chain)) : Optional.empty();
    }

    private static PrivateKey readKey(Setting keyFile, List<ConfigProblem> problems, KeyCheck extraKeyCheck) {
        try {
            PrivateKey key = PemFiles.privateKey(keyFile.path());
            if (extraKeyCheck != null) {
                extraKeyCheck.whyUnfit(key).ifPresent(why -> problems.add(keyFile.problem(why)));
            }
            return key;
        } catch (IllegalArgumentException e) {
            problems.add(keyFile.problem(e.getMessage()));
            return null;
        }
    }

    private static List<X509Certificate> readChain(Setting certFile, Instant now, List<ConfigProblem> problems) {
        try {
            List<X509Certificate> chain = PemFiles.certificates(certFile.path());
            X509Certificate leaf = chain.get(0);
            KeyChecks.whyNotLeafFirst(chain).ifPresent(why -> problems.add(certFile.problem(
                    "the chain must list the leaf first, then its issuers: " + why)));
            KeyChecks.whyNotValidAt(leaf, now).ifPresent(why -> problems.add(certFile.problem(
                    "the leaf certificate " + leaf.getSubjectX500Principal() + " is " + why + "; install a current certificate")));
            return chain;
        } catch (IllegalArgumentException e) {
            problems.add(certFile.problem(e.getMessage()));
            return null;
        }
    }

    @Override
    public String toString() {
        return "PemIdentity[leaf=" + leaf().getSubjectX500Principal() + ", chain=" + chain.size() + "]";
    }

    /** A file named by a setting, for problems that name both. */
    record Setting(String key, Path path) {
        ConfigProblem problem(String fix) {
            return new ConfigProblem(key, path.toString(), fix);
        }
    }

    /** An additional check of the key alone. */
    @FunctionalInterface
    interface KeyCheck {
        Optional<String> whyUnfit(PrivateKey key);
    }
}
