package io.callsign.acme;

import java.net.URL;
import java.security.KeyPair;
import java.util.Optional;

import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACME account: reuses the stored key and URL (no network, no new account), or registers the
 * stored key (RFC 8555 §7.3; a server that knows the key returns the existing account, §7.3.1),
 * with External Account Binding when configured (§7.3.4, ACME-06). Agreeing to the CA's terms is
 * implied by configuring the CA.
 */
record AccountLogin(AcmeConfig config, AcmeStore store) {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLogin.class);

    Login login(Session session) throws AcmeException {
        KeyPair key = store.accountKey();
        Optional<URL> known = store.accountUrl(config.directory());
        if (known.isPresent()) {
            return session.login(known.get(), key);
        }
        AccountBuilder builder = new AccountBuilder().useKeyPair(key).agreeToTermsOfService();
        if (config.email() != null) {
            builder.addEmail(config.email());
        }
        if (config.eab() != null) {
            builder.withKeyIdentifier(config.eab().keyId(), config.eab().hmacKey());
        }
        Login login = builder.createLogin(session);
        try {
            store.saveAccountUrl(config.directory(), login.getAccountLocation());
        } catch (AcmeFailure e) {
            // A read-only state directory (a mounted Secret holding the account key) is fine: the CA
            // finds the account by its key again next time (RFC 8555 §7.3.1), no new account is made.
            LOG.warn("Cannot remember the ACME account URL ({}); it will be looked up by key next time", e.getMessage());
        }
        LOG.info("Using ACME account {} at {}", login.getAccountLocation(), config.directory());
        return login;
    }

    /** The stored account URL is unknown to the CA (reset test CA, deleted account): register the key again. */
    Login reRegister(Session session) throws AcmeException {
        LOG.warn("The CA at {} does not know the stored ACME account; registering the account key again",
                config.directory());
        store.forgetAccountUrl();
        return login(session);
    }

    /** A Login for unauthenticated lookups (ARI); acme4j wants one to bind resources. No network. */
    Login anonymous(Session session) throws java.net.MalformedURLException {
        URL account = store.accountUrl(config.directory()).orElse(config.directory().toURL());
        return session.login(account, store.accountKey());
    }
}
