package io.callsign.acme;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ACME issuance with acme4j (RFC 8555 §7): account reuse or creation (with EAB when
 * configured), newOrder, the configured challenge, finalize with a CSR for a fresh P-256 key
 * (ACME-12), chain download (ACME-14). acme4j retries badNonce with the nonce the error carried
 * (ACME-04) and honours Retry-After while polling (ACME-13). Serialise calls; the renewal
 * scheduler does. Server errors become {@link AcmeFailure}s naming the step, problem type and detail.
 */
public final class AcmeEnrolment implements CertificateIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeEnrolment.class);
    private static final String ALREADY_REPLACED = "urn:ietf:params:acme:error:alreadyReplaced";
    private static final String NO_ACCOUNT = "urn:ietf:params:acme:error:accountDoesNotExist";

    private final AcmeConfig config;
    private final AcmeStore store;
    private final ChallengeSolver solver;
    private final SSLContext tls;

    public AcmeEnrolment(AcmeConfig config, AcmeStore store, Http01Responder http01, Clock clock) {
        this.config = config;
        this.store = store;
        this.tls = TrustedTls.context(config.trustedCa());
        this.solver = switch (config.challenge()) {
            case HTTP_01 -> new Http01Solver(config.domain(), http01, config.timeout());
            case DNS_01 -> new Dns01Solver(config.domain(), new DnsHook(config.dnsHook(), config.dnsHookTimeout()),
                    config.timeout());
            case TKAUTH_01 -> new TkauthSolver(config.tkauth(), new SpcTokenClient(config.tkauth(),
                    HttpClient.newBuilder().sslContext(tls).connectTimeout(config.timeout()).build(), clock,
                    config.timeout()), config.timeout());
        };
    }

    @Override
    public IssuedCertificate issue(X509Certificate replacing) {
        Step step = new Step("reading the directory");
        try {
            Session session = newSession();
            step.now("logging in to the account");
            Login login = login(session);
            step.now("creating the order");
            Order order = createOrder(session, login, replacing);
            step.now("answering the " + config.challenge().wireName() + " challenge");
            for (Authorization authorization : order.getAuthorizations()) {
                if (authorization.getStatus() != Status.VALID) {
                    solver.solve(authorization, login.getKeyPair());
                }
            }
            step.now("waiting for the order to become ready");
            requireStatus(order, order.waitUntilReady(config.timeout()), Status.READY);
            step.now("finalizing the order");
            KeyPair certificateKey = Keys.newP256(); // ACME-12: never the account key
            order.execute(solver.csr(certificateKey));
            requireStatus(order, order.waitForCompletion(config.timeout()), Status.VALID);
            step.now("downloading the certificate");
            IssuedCertificate issued = new IssuedCertificate(certificateKey.getPrivate(),
                    order.getCertificate().getCertificateChain());
            LOG.info("ACME issued {} from {}", issued, config.directory());
            return issued;
        } catch (AcmeException e) {
            throw step.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcmeFailure("interrupted while " + step.name, e);
        }
    }

    @Override
    public Optional<RenewalWindow> renewalWindow(X509Certificate certificate) {
        Step step = new Step("fetching renewal information (ARI)");
        try {
            Session session = newSession();
            if (session.resourceUrlOptional(Resource.RENEWAL_INFO).isEmpty()) {
                return Optional.empty();
            }
            // RFC 9773 §4.1: an unauthenticated GET; acme4j only wants a Login to build the resource
            URL account = store.accountUrl(config.directory()).orElse(config.directory().toURL());
            RenewalInfo info = session.login(account, store.accountKey()).bindRenewalInfo(certificate);
            Optional<java.time.Instant> retryAfter = info.fetch();
            return Optional.of(new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd(),
                    retryAfter.orElse(null), info.getExplanation().map(AcmeEnrolment::toUri).orElse(null)));
        } catch (AcmeException e) {
            throw step.failure(e);
        } catch (java.net.MalformedURLException | RuntimeException e) {
            throw new AcmeFailure("ACME " + step.name + " failed at " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    private Session newSession() {
        Session session = new Session(config.directory(), new CallsignAcmeProvider(tls));
        session.networkSettings().setTimeout(config.timeout());
        return session;
    }

    /** Reuses the stored account; registers (or finds, RFC 8555 §7.3.1) the account of our key otherwise. */
    private Login login(Session session) throws AcmeException {
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
        store.saveAccountUrl(config.directory(), login.getAccountLocation());
        LOG.info("Using ACME account {} at {}", login.getAccountLocation(), config.directory());
        return login;
    }

    private Order createOrder(Session session, Login login, X509Certificate replacing) throws AcmeException {
        boolean ari = replacing != null && session.resourceUrlOptional(Resource.RENEWAL_INFO).isPresent();
        try {
            return newOrder(login, ari ? replacing : null);
        } catch (AcmeServerException e) {
            if (ari && ALREADY_REPLACED.equals(e.getType().toString())) {
                // RFC 9773 §5: someone already replaced it; order afresh without "replaces"
                return newOrder(login, null);
            }
            if (NO_ACCOUNT.equals(e.getType().toString())) {
                return newOrder(reRegister(session), null);
            }
            throw e;
        }
    }

    private Order newOrder(Login login, X509Certificate replacing) throws AcmeException {
        OrderBuilder builder = login.newOrder().identifier(solver.identifier());
        if (replacing != null) {
            builder.replaces(replacing);
        }
        return builder.create();
    }

    /** The stored account URL is unknown to the CA (reset test CA, deleted account): find or create anew. */
    private Login reRegister(Session session) throws AcmeException {
        LOG.warn("The CA at {} does not know the stored ACME account; registering the account key again",
                config.directory());
        store.forgetAccountUrl();
        return login(session);
    }

    private static void requireStatus(Order order, Status actual, Status wanted) {
        if (actual != wanted) {
            String problem = order.getError().map(p -> ": " + p.getType() + ": " + p).orElse("");
            throw new AcmeFailure("the order " + order.getLocation() + " is " + actual + ", expected " + wanted
                    + problem, order.getError().map(p -> p.getType()).orElse(null), null);
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The step in progress, so a failure names what we were doing. */
    private final class Step {
        private String name;

        Step(String name) {
            this.name = name;
        }

        void now(String next) {
            name = next;
        }

        AcmeFailure failure(AcmeException e) {
            if (e instanceof AcmeServerException) {
                AcmeServerException server = (AcmeServerException) e;
                return new AcmeFailure("ACME " + name + " failed at " + config.directory() + ": " + server.getType()
                        + ": " + server.getProblem().getDetail().orElse(e.getMessage()), server.getType(), e);
            }
            return new AcmeFailure("ACME " + name + " failed at " + config.directory() + ": " + e.getMessage(), e);
        }
    }
}
