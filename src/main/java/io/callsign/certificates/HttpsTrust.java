package io.callsign.certificates;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for fetching x5u and CRL URLs over HTTPS: the JDK's default roots plus the extra
 * CAs of CALLSIGN_HTTPS_CA. This is web PKI for the transport only; STI chains are judged by
 * {@link TrustAnchors} (CERT-17).
 */
public final class HttpsTrust {

    private HttpsTrust() {
    }

    /** The JDK default roots plus the certificates of {@code caFile}, when given. */
    public static SSLContext context(Optional<Path> caFile) {
        return context(caFile.map(f -> Pem.readFile(f, "CALLSIGN_HTTPS_CA")).orElse(List.of()));
    }

    /** The JDK default roots plus {@code extraCas}. */
    public static SSLContext context(List<X509Certificate> extraCas) {
        try {
            List<X509Certificate> roots = new ArrayList<>(List.of(defaultTrustManager().getAcceptedIssuers()));
            roots.addAll(extraCas);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < roots.size(); i++) {
                store.setCertificateEntry("root-" + i, roots.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the HTTPS trust store: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509TrustManager");
    }
}
