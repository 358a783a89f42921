package io.callsign.acme;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;

/**
 * Just enough of an ACME server (RFC 8555) for tkauth-01 (RFC 9448), on 127.0.0.1 over HTTPS:
 * directory, newNonce, newAccount, newOrder, authz, challenge, finalize, certificate and, when
 * enabled, renewalInfo (RFC 9773). Every check RFC 8555/9448 asks of the client that it can see
 * is recorded in {@link #violations}; the tests assert that list is empty. Test stub; one client.
 */
final class TkauthAcmeStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final TestPki.Ca ca = new TestPki.Ca("Stub STI-CA");
    final String expectedIdentifier;
    final byte[] expectedDer;
    volatile String responseField = "tkauth";
    volatile TkauthSettings.FingerprintForm fingerprintForm = TkauthSettings.FingerprintForm.JWK_THUMBPRINT;
    volatile List<Map<String, Object>> extraChallenges = List.of(Map.of("type", "tkauth-01", "tkauth-type", "other"));
    volatile boolean offerAtc = true;
    volatile boolean offerRenewalInfo;
    volatile boolean rejectFirstNonce;
    volatile PublicKey stiPaKey;
    volatile String lastReplaces;
    volatile X509Certificate lastIssued;
    volatile String lastCsrKey;
    volatile int orders;
    volatile int renewalInfoRequests;
    /** ACME-13: answer "processing" with Retry-After: 2 this many times after finalize. */
    volatile int processingPolls;
    final List<Long> orderPollNanos = Collections.synchronizedList(new ArrayList<>());

    private final HttpsServer server;
    private final Set<String> nonces = Collections.synchronizedSet(new HashSet<>());
    private final Map<String, PublicKey> accounts = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile String retryNonce;
    private volatile String orderStatus = "pending";
    private volatile String challengeStatus = "pending";

    TkauthAcmeStub(TestPki.Tls tls, String spc, TkauthSettings.IdentifierEncoding encoding) throws Exception {
        this.expectedDer = TnAuthList.der(spc);
        this.expectedIdentifier = encoding == TkauthSettings.IdentifierEncoding.BASE64
                ? Base64.getEncoder().encodeToString(expectedDer)
                : Base64.getUrlEncoder().withoutPadding().encodeToString(expectedDer);
        this.server = TestHttps.start(tls, this::handle);
    }

    URI directory() {
        return URI.create(base() + "/dir");
    }

    /** RFC 9773 §4.1, computed here independently of acme4j: AKI keyIdentifier "." serial DER content. */
    static String certificateId(X509Certificate certificate) throws Exception {
        byte[] aki = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(aki).getOctets())
                .getKeyIdentifier();
        byte[] serial = new ASN1Integer(certificate.getSerialNumber()).getEncoded();
        byte[] content = java.util.Arrays.copyOfRange(serial, 2, serial.length); // strip tag and length
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(keyId) + "." + b64.encodeToString(content);
    }

    private String base() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        try {
            if (path.equals("/dir")) {
                directory(exchange);
            } else if (path.equals("/nonce")) {
                exchange.getResponseHeaders().set("Replay-Nonce", nonce());
                TestHttps.send(exchange, "HEAD".equals(exchange.getRequestMethod()) ? 200 : 204, null, "");
            } else if (path.startsWith("/renewal-info/")) {
                renewalInfo(exchange, path.substring("/renewal-info/".length()));
            } else if ("POST".equals(exchange.getRequestMethod())) {
                signed(exchange, path);
            } else {
                TestHttps.send(exchange, 405, "text/plain", "ACME resources are POST-as-GET (RFC 8555 §6.3)");
            }
        } catch (Exception e) {
            violations.add(path + ": " + e);
            problem(exchange, 500, "serverInternal", e.toString());
        }
    }

    private void directory(HttpExchange exchange) throws IOException {
        Map<String, Object> dir = new LinkedHashMap<>(Map.of("newNonce", base() + "/nonce",
                "newAccount", base() + "/new-acct", "newOrder", base() + "/new-order",
                "meta", Map.of("termsOfService", base() + "/tos")));
        if (offerRenewalInfo) {
            dir.put("renewalInfo", base() + "/renewal-info");
        }
        TestHttps.send(exchange, 200, "application/json", JSON.writeValueAsString(dir));
    }

    private void renewalInfo(HttpExchange exchange, String id) throws Exception {
        renewalInfoRequests++;
        if (lastIssued == null || !id.equals(certificateId(lastIssued))) {
            violations.add("renewalInfo asked for unknown certificate id " + id);
            TestHttps.send(exchange, 404, PROBLEM, "{}");
            return;
        }
        Instant start = lastIssued.getNotBefore().toInstant().plusSeconds(3600);
        exchange.getResponseHeaders().set("Retry-After", "21600");
        TestHttps.send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("suggestedWindow",
                Map.of("start", start.toString(), "end", start.plusSeconds(7200).toString()),
                "explanationURL", base() + "/ari-explained")));
    }

    /** ACME-01/02/04/06: flattened JWS, content type, nonce, url, jwk xor kid, signature. */
    private void signed(HttpExchange exchange, String path) throws Exception {
        if (!"application/jose+json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            violations.add(path + ": Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        JsonNode body = JSON.readTree(TestHttps.body(exchange));
        Set<String> members = new HashSet<>();
        body.fieldNames().forEachRemaining(members::add);
        if (!members.equals(Set.of("protected", "payload", "signature"))) {
            violations.add(path + ": JWS members " + members);
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(body.path("protected").asText()));
        String nonce = header.path("nonce").asText();
        if (retryNonce != null && !retryNonce.equals(nonce)) {
            violations.add(path + ": after badNonce the retry used " + nonce + ", not the nonce of the error");
        }
        retryNonce = null;
        if (!nonces.remove(nonce)) {
            violations.add(path + ": unknown or reused nonce " + nonce);
        }
        if (rejectFirstNonce) {
            rejectFirstNonce = false;
            retryNonce = nonce();
            exchange.getResponseHeaders().set("Replay-Nonce", retryNonce);
            problem(exchange, 400, "badNonce", "try again with the nonce of this response");
            return;
        }
        if (!"ES256".equals(header.path("alg").asText()) || !(base() + path).equals(header.path("url").asText())
                || header.has("jwk") == header.has("kid")) {
            violations.add(path + ": protected header " + header);
        }
        PublicKey key = header.has("jwk")
                ? PublicJsonWebKey.Factory.newPublicJwk(header.path("jwk").toString()).getPublicKey()
                : accounts.get(header.path("kid").asText());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(body.path("protected").asText() + "." + body.path("payload").asText() + "."
                + body.path("signature").asText());
        jws.setKey(key);
        if (key == null || !jws.verifySignature()) {
            violations.add(path + ": bad signature or unknown kid " + header.path("kid").asText());
        }
        String payload = body.path("payload").asText();
        JsonNode json = payload.isEmpty() ? null
                : JSON.readTree(Base64.getUrlDecoder().decode(payload));
        exchange.getResponseHeaders().set("Replay-Nonce", nonce());
        route(exchange, path, header, key, json);
    }

    private void route(HttpExchange exchange, String path, JsonNode header, PublicKey key, JsonNode payload)
            throws Exception {
        boolean postAsGet = payload == null;
        switch (path) {
            case "/new-acct" -> newAccount(exchange, key);
            case "/acct/1" -> send(exchange, 200, account());
            case "/new-order" -> newOrder(exchange, payload);
            case "/order/1" -> pollOrder(exchange, requirePostAsGet(path, postAsGet));
            case "/authz/1" -> send(exchange, 200, authz(requirePostAsGet(path, postAsGet)));
            case "/chall/1" -> challenge(exchange, payload, header);
            case "/order/1/finalize" -> finalizeOrder(exchange, payload, key);
            case "/cert/1" -> certificate(exchange, requirePostAsGet(path, postAsGet));
            default -> problem(exchange, 404, "malformed", "no such resource " + path);
        }
    }

    private void newAccount(HttpExchange exchange, PublicKey key) throws IOException {
        boolean known = accounts.containsValue(key);
        accounts.put(base() + "/acct/1", key);
        exchange.getResponseHeaders().set("Location", base() + "/acct/1");
        send(exchange, known ? 200 : 201, account());
    }

    private void newOrder(HttpExchange exchange, JsonNode payload) throws IOException {
        JsonNode identifiers = payload.path("identifiers");
        if (identifiers.size() != 1 || !"TNAuthList".equals(identifiers.get(0).path("type").asText())
                || !expectedIdentifier.equals(identifiers.get(0).path("value").asText())) {
            violations.add("ACME-07: newOrder identifiers " + identifiers + ", expected value " + expectedIdentifier);
        }
        lastReplaces = payload.has("replaces") ? payload.path("replaces").asText() : null;
        orders++;
        orderStatus = "pending";
        challengeStatus = "pending";
        exchange.getResponseHeaders().set("Location", base() + "/order/1");
        send(exchange, 201, order(true));
    }

    /** ACME-09/10/11: the configured member holds a valid SPC token bound to the account key. */
    private void challenge(HttpExchange exchange, JsonNode payload, JsonNode header) throws Exception {
        if (payload != null) {
            List<String> fields = new ArrayList<>();
            payload.fieldNames().forEachRemaining(fields::add);
            String problem = fields.equals(List.of(responseField))
                    ? tokenProblem(payload.path(responseField).asText(), accounts.get(header.path("kid").asText()))
                    : "ACME-09: challenge response members " + fields + ", expected [" + responseField + "]";
            challengeStatus = problem == null ? "valid" : "invalid";
            orderStatus = problem == null ? "ready" : "invalid";
            if (problem != null) {
                violations.add(problem);
            }
        }
        send(exchange, 200, challengeJson());
    }

    private String tokenProblem(String token, PublicKey accountKey) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(stiPaKey);
        if (!jws.verifySignature()) {
            return "ACME-10: SPC token signature does not verify with the STI-PA key";
        }
        JsonNode claims = JSON.readTree(jws.getPayload());
        JsonNode atc = claims.path("atc");
        String fingerprint = "SHA256 " + HexFormat.ofDelimiter(":").formatHex(
                fingerprintForm == TkauthSettings.FingerprintForm.SPKI
                        ? MessageDigest.getInstance("SHA-256").digest(accountKey.getEncoded())
                        : JsonWebKey.Factory.newJwk(accountKey).calculateThumbprint("SHA-256")).toUpperCase(Locale.ROOT);
        if (!"TNAuthList".equals(atc.path("tktype").asText()) || !expectedIdentifier.equals(atc.path("tkvalue").asText())
                || !fingerprint.equals(atc.path("fingerprint").asText()) || atc.path("ca").asBoolean(true)
                || claims.path("exp").asLong() < Instant.now().getEpochSecond() || !claims.has("jti")) {
            return "ACME-10/11: token claims " + claims + " do not match identifier " + expectedIdentifier
                    + " and account fingerprint " + fingerprint;
        }
        return null;
    }

    /** ACME-12: ES256 CSR over a key that is not the account key, with the identifier's TNAuthList. */
    private void finalizeOrder(HttpExchange exchange, JsonNode payload, PublicKey accountKey) throws Exception {
        if (!"ready".equals(orderStatus)) {
            problem(exchange, 403, "orderNotReady", "order is " + orderStatus);
            return;
        }
        String csrText = payload.path("csr").asText();
        if (csrText.contains("=") || csrText.contains("+") || csrText.contains("/")) {
            violations.add("ACME-12: csr is not unpadded base64url");
        }
        var csr = new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(Base64.getUrlDecoder().decode(csrText)));
        PublicKey csrKey = csr.getPublicKey();
        Extension tnAuthList = Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0)).getExtension(TnAuthList.OID);
        if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csrKey))
                || !"1.2.840.10045.4.3.2".equals(csr.getSignatureAlgorithm().getAlgorithm().getId())
                || csrKey.equals(accountKey) || tnAuthList == null
                || !java.util.Arrays.equals(ASN1OctetString.getInstance(tnAuthList.getExtnValue()).getOctets(), expectedDer)) {
            violations.add("ACME-12: CSR signature, algorithm, key or TNAuthList extension is wrong");
        }
        lastCsrKey = Base64.getEncoder().encodeToString(csrKey.getEncoded());
        lastIssued = ca.issue(csrKey, "CN=SHAKEN 1234", Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(90L * 86_400),
                new Extension(TnAuthList.OID, false, new DEROctetString(expectedDer)));
        orderStatus = processingPolls > 0 ? "processing" : "valid";
        orderPollNanos.add(System.nanoTime());
        if (processingPolls > 0) {
            exchange.getResponseHeaders().set("Retry-After", "2");
        }
        send(exchange, 200, order(true));
    }

    private void pollOrder(HttpExchange exchange, boolean ignored) throws IOException {
        if ("processing".equals(orderStatus)) {
            orderPollNanos.add(System.nanoTime());
            if (--processingPolls > 0) {
                exchange.getResponseHeaders().set("Retry-After", "2");
            } else {
                orderStatus = "valid";
            }
        }
        send(exchange, 200, order(true));
    }

    private void certificate(HttpExchange exchange, boolean ok) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (!ok || accept == null || !accept.contains("application/pem-certificate-chain")) {
            violations.add("ACME-14: certificate download Accept " + accept);
        }
        TestHttps.send(exchange, 200, "application/pem-certificate-chain",
                TestPki.pem(lastIssued) + TestPki.pem(ca.certificate));
    }

    private Map<String, Object> account() {
        return Map.of("status", "valid", "orders", base() + "/acct/1/orders");
    }

    private Map<String, Object> order(boolean ignored) {
        Map<String, Object> order = new LinkedHashMap<>(Map.of("status", orderStatus,
                "identifiers", List.of(Map.of("type", "TNAuthList", "value", expectedIdentifier)),
                "authorizations", List.of(base() + "/authz/1"), "finalize", base() + "/order/1/finalize"));
        if ("valid".equals(orderStatus)) {
            order.put("certificate", base() + "/cert/1");
        }
        return order;
    }

    /** ACME-08: the atc challenge is not first in the list; ACME-18: spc-token may be all there is. */
    private Map<String, Object> authz(boolean ignored) {
        List<Map<String, Object>> challenges = new ArrayList<>();
        for (Map<String, Object> extra : extraChallenges) {
            Map<String, Object> challenge = new LinkedHashMap<>(extra);
            challenge.put("url", base() + "/chall/9" + challenges.size());
            challenge.put("token", UUID.randomUUID().toString());
            challenge.put("status", "pending");
            challenges.add(challenge);
        }
        if (offerAtc) {
            challenges.add(challengeJson());
        }
        return Map.of("status", "valid".equals(challengeStatus) ? "valid" : "pending",
                "identifier", Map.of("type", "TNAuthList", "value", expectedIdentifier), "challenges", challenges);
    }

    private Map<String, Object> challengeJson() {
        return Map.of("type", "tkauth-01", "tkauth-type", "atc", "url", base() + "/chall/1",
                "token", "DGyRejmCefe7v4NfDGDKfA", "status", challengeStatus);
    }

    private boolean requirePostAsGet(String path, boolean postAsGet) {
        if (!postAsGet) {
            violations.add("ACME-05: " + path + " fetched without an empty payload");
        }
        return true;
    }

    private String nonce() {
        String nonce = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        nonces.add(nonce);
        return nonce;
    }

    private void send(HttpExchange exchange, int status, Object json) throws IOException {
        TestHttps.send(exchange, status, "application/json", JSON.writeValueAsString(json));
    }

    private void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Replay-Nonce")) {
            exchange.getResponseHeaders().set("Replay-Nonce", nonce());
        }
        TestHttps.send(exchange, status, PROBLEM, JSON.writeValueAsString(
                Map.of("type", "urn:ietf:params:acme:error:" + type, "detail", detail)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
