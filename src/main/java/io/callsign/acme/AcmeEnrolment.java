package io.callsign.acme;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import javax.net.ssl.SSLContext;

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
 * About 180 lines: the issuance steps and their error translation read best together.
 */
public final class AcmeEnrolment implements CertificateIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeEnrolment.class);
    private static final String ALREADY_REPLACED = "urn:ietf:params:acme:error:alreadyReplaced";
    private static final String NO_ACCOUNT = "urn:ietf:params:acme:error:accountDoesNotExist";

    private final AcmeConfig config;
    private final AccountLogin account;
    private final ChallengeSolver solver;
    private final SSLContext tls;
    private final Clock clock;

    public AcmeEnrolment(AcmeConfig config, AcmeStore store, Http01Responder http01, Clock clock) {
        this.config = config;
        this.account = new AccountLogin(config, store);
        this.tls = TrustedTls.context(config.trustedCa());
        this.solver = ChallengeSolver.forConfig(config, http01, tls, clock);
        this.clock = clock;
    }

    @Override
    public IssuedCertificate issue(X509Certificate replacing) {
        Step step = new Step("reading the directory");
        try {
            Session session = newSession();
            step.now("logging in to the account");
            Login login = account.login(session);
            step.now("creating the order");
            Order order = createOrder(session, login, replacing);
            step.now("answering the " + config.challenge().wireName() + " challenge");
            authorize(order, login);
            step.now("finalizing the order");
            IssuedCertificate issued = finalizeAndDownload(order);
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
            // RFC 9773 §4.1: an unauthenticated GET of {renewalInfo}/{certificate ID}
            RenewalInfo info = account.anonymous(session).bindRenewalInfo(certificate);
            Optional<Instant> retryAfter = info.fetch();
            return Optional.of(new RenewalWindow(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd(),
                    retryAfter.orElse(null), info.getExplanation().map(AcmeEnrolment::toUri).orElse(null)));
        } catch (AcmeException e) {
            throw step.failure(e);
        } catch (MalformedURLException | RuntimeException e) {
            throw new AcmeFailure("ACME " + step.name + " failed at " + config.directory() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean matches(X509Certificate leaf) {
        return CertificateMatch.matches(config, leaf);
    }

    private Session newSession() {
        Session session = new Session(config.directory(), new CallsignAcmeProvider(tls));
        session.networkSettings().setTimeout(config.timeout());
        return session;
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
                return newOrder(account.reRegister(session), null);
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

    /** RFC 8555 §7.5: every authorization not yet valid, in any order (ACME-13 makes no order assumption). */
    private void authorize(Order order, Login login) throws AcmeException, InterruptedException {
        for (Authorization authorization : order.getAuthorizations()) {
            if (authorization.getStatus() != Status.VALID) {
                solver.solve(authorization, login.getKeyPair());
            }
        }
        requireStatus(order, Polling.await(order, EnumSet.of(Status.READY, Status.INVALID, Status.VALID), config.timeout(),
                clock), Status.READY);
    }

    /** ACME-12: a fresh P-256 key, never the account key; ACME-14: the chain, leaf first, must match it. */
    private IssuedCertificate finalizeAndDownload(Order order) throws AcmeException, InterruptedException {
        KeyPair certificateKey = Keys.newP256();
        order.execute(solver.csr(certificateKey));
        requireStatus(order, Polling.await(order, EnumSet.of(Status.VALID, Status.INVALID), config.timeout(), clock),
                Status.VALID);
        return new IssuedCertificate(certificateKey.getPrivate(), order.getCertificate().getCertificateChain());
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
            String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
            return new AcmeFailure("ACME " + name + " failed at " + config.directory() + ": " + e.getMessage() + cause,
                    e);
        }
    }
}
