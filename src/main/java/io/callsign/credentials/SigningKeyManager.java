package io.callsign.credentials;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The HTTPS listener's key manager when the signing certificate is itself a web certificate for the
 * x5u host (ACME http-01/dns-01): every handshake presents the credentials active at that moment,
 * so a renewal reaches TLS without a restart. The alias names one certificate, so the chain and key
 * of one handshake always belong together even if a rotation happens in between. Thread-safe.
 */
final class SigningKeyManager extends X509ExtendedKeyManager {

    private static final int REMEMBERED = 4;

    private final ActiveCredentials active;
    private final Map<String, SigningCredentials> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SigningCredentials> eldest) {
            return size() > REMEMBERED;
        }
    };

    SigningKeyManager(ActiveCredentials active) {
        this.active = active;
    }

    /** An SSL context whose server certificate follows {@code active}. */
    static SSLContext sslContext(ActiveCredentials active) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SigningKeyManager(active)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS context of the certificate repository", e);
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType).orElse(null);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType).orElse(null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return alias(keyType).map(alias -> new String[] {alias}).orElse(null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        SigningCredentials credentials = lookUp(alias);
        return credentials == null ? null : credentials.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        SigningCredentials credentials = lookUp(alias);
        return credentials == null ? null : credentials.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null; // a server only
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    // JSSE asks per key type: "EC" (TLS 1.3 and ECDHE_ECDSA), or legacy forms such as "EC_EC".
    private Optional<String> alias(String keyType) {
        return active.current()
                .filter(credentials -> keyType.equals(credentials.key().getAlgorithm())
                        || keyType.startsWith(credentials.key().getAlgorithm() + "_"))
                .map(this::remember);
    }

    private synchronized String remember(SigningCredentials credentials) {
        String alias = "signing-" + PublishedChains.fileName(credentials.leaf());
        recent.put(alias, credentials);
        return alias;
    }

    private synchronized SigningCredentials lookUp(String alias) {
        return recent.get(alias);
    }
}
