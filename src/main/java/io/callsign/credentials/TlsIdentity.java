package io.callsign.credentials;

import io.callsign.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The key and certificate chain the HTTPS certificate repository presents: from
 * {@code CALLSIGN_TLS_KEY}/{@code CALLSIGN_TLS_CERT}, or issued by the lab root. Immutable;
 * {@link #toString()} omits the key.
 */
record TlsIdentity(PrivateKey key, List<X509Certificate> chain) {

    /** Only guards the in-memory key store built below; it is never written anywhere. */
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    TlsIdentity {
        chain = List.copyOf(chain);
    }

    /** Reads the operator's TLS pair, adding problems (naming the TLS settings) to {@code problems}. */
    static Optional<TlsIdentity> read(Path keyFile, Path certFile, Instant now, List<ConfigProblem> problems) {
        return PemIdentity.read(new PemIdentity.Setting("CALLSIGN_TLS_KEY", keyFile),
                        new PemIdentity.Setting("CALLSIGN_TLS_CERT", certFile), now, problems, null)
                .map(pair -> new TlsIdentity(pair.key(), pair.chain()));
    }

    SSLContext sslContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context for " + chain.get(0).getSubjectX500Principal(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[subject=" + chain.get(0).getSubjectX500Principal()
                + ", notAfter=" + chain.get(0).getNotAfter().toInstant() + "]";
    }
}
