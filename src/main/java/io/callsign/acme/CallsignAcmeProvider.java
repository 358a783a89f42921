package io.callsign.acme;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * acme4j provider for any https directory: adds our TLS trust (pebble, private CAs) and the
 * tkauth-01 challenge type that acme4j does not know.
 */
final class CallsignAcmeProvider extends GenericAcmeProvider {

    private final SSLContext tls;

    CallsignAcmeProvider(SSLContext tls) {
        this.tls = tls;
    }

    @Override
    protected HttpConnector createHttpConnector(NetworkSettings settings) {
        return new HttpConnector(settings) {
            @Override
            public HttpClient.Builder createClientBuilder() {
                return super.createClientBuilder().sslContext(tls);
            }
        };
    }

    @Override
    public Challenge createChallenge(Login login, JSON data) {
        if (TkauthChallenge.TYPE.equals(data.get("type").asString())) {
            return new TkauthChallenge(login, data);
        }
        return super.createChallenge(login, data);
    }
}
