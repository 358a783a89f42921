package io.callsign.acme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for talking to the ACME server and the STI-PA: the JVM's default CAs plus, when
 * configured, the CAs of a PEM file (pebble, a private STI-CA).
 */
final class TrustedTls {

    private TrustedTls() {
    }

    static SSLContext context(Path extraCaPem) {
        try {
            if (extraCaPem == null) {
                return SSLContext.getDefault();
            }
            List<X509Certificate> anchors = new ArrayList<>(List.of(defaultTrustManager().getAcceptedIssuers()));
            List<X509Certificate> extra = PemCodec.readCertificates(Files.readString(extraCaPem, StandardCharsets.UTF_8));
            if (extra.isEmpty()) {
                throw new AcmeFailure("CALLSIGN_ACME_CA_FILE " + extraCaPem + " holds no CERTIFICATE block");
            }
            anchors.addAll(extra);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new AcmeFailure("cannot read CALLSIGN_ACME_CA_FILE " + extraCaPem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager) {
                return (X509TrustManager) manager;
            }
        }
        throw new IllegalStateException("the JVM has no X.509 trust manager");
    }
}
