package io.callsign.kamailio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Outbound calls with real SIP: sipp UAC → Kamailio (kamailio-cfg/kamailio.cfg, sign role) →
 * sipp UAS, in both modes. The Identity header that reaches the UAS must verify with secsipidx
 * against the certificate published at its x5u and the lab root, and carry the attestation the
 * database provisioning implies.
 */
class KamailioSignIT {

    private static final String OWNED = "+15145559876";

    @TempDir
    static Path dir;
    private static LabCallsign callsign;
    private static Path chain;

    @BeforeAll
    static void start() throws Exception {
        callsign = LabCallsign.start(dir, Map.of());
        // Subscriber acct-a (KYC done) owns 15145559876 (verified) and sends from 127.0.0.1 only.
        callsign.sql("INSERT INTO subscribers (id, name, verified) VALUES ('acct-a', 'Customer A', true)",
                "INSERT INTO telephone_numbers (tn, subscriber_id, verified) VALUES ('15145559876', 'acct-a', true)",
                "INSERT INTO trunks (name, kind, subscriber_id) VALUES ('cust-a', 'customer', 'acct-a')",
                "INSERT INTO trunk_cidrs (trunk_name, cidr) VALUES ('cust-a', '127.0.0.1/32')");
        callsign.awaitAttest("127.0.0.1", OWNED, "A");
        chain = Files.writeString(dir.resolve("x5u-chain.pem"), callsign.fetchX5u());
    }

    @AfterAll
    static void stop() {
        if (callsign != null) {
            callsign.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ProxyMode.class)
    void signsEachCallWithTheAttestationItsProvisioningGives(ProxyMode mode) {
        int uasPort = Ports.freeUdp();
        List<String> defines = new ArrayList<>(mode.defines(mode.port(callsign)));
        defines.add(Kamailio.string("CALLSIGN_NEXT_HOP", "sip:127.0.0.1:" + uasPort));
        try (Kamailio proxy = Kamailio.example(dir, defines)) {
            if (mode == ProxyMode.RPC) {
                proxy.awaitRpcConnected(1);
            }
            String label = mode.name().toLowerCase();
            // A: the customer trunk's subscriber calls from its own verified number, asserted in a
            // name-addr P-Asserted-Identity, which wins over the From user.
            assertSigned(Calls.answered(dir, label + "-a", proxy.address(), uasPort, uac -> uac.caller("+15145550000")
                    .headers("P-Asserted-Identity: \"Customer A\" <sip:" + OWNED + "@ims.local;user=phone>")), "A", "15145559876");
            // B: the same known customer, with a number that is not theirs.
            assertSigned(Calls.answered(dir, label + "-b", proxy.address(), uasPort, uac -> uac.caller("+15145550000")),
                    "B", "15145550000");
            // C: from an address no trunk covers (127.0.0.2 is loopback too).
            assertSigned(Calls.answered(dir, label + "-c", proxy.address(), uasPort, uac -> uac.caller(OWNED).from("127.0.0.2")),
                    "C", "15145559876");
            // Policy declines (not a telephone number): the call goes on, unsigned (SIGN-17).
            SipMessage anonymous = Calls.answered(dir, label + "-anon", proxy.address(), uasPort,
                    uac -> uac.caller("anonymous")).delivered();
            assertThat(anonymous.headers("Identity")).isEmpty();
            assertThat(proxy.process().log()).contains("callsign: not signing");
        }
    }

    @Test
    void secsipidxRejectsATamperedHeaderOrAnotherRootSoItsPassesMeanSomething() throws Exception {
        String signed = LabCallsign.read(callsign.service().postJson("/v1/sign",
                "{\"from\":\"sip:" + OWNED + "@ims.local\",\"to\":\"sip:+15145551234@ims.local\",\"sourceIp\":\"127.0.0.2\"}")
                .body()).path("identity").asText();
        IdentityValue original = IdentityValue.parse(signed);
        assertThat(Secsipidx.check(dir, original.raw(), chain, callsign.rootPem()).passed()).isTrue();
        Secsipidx.Check forged = Secsipidx.check(dir, original.withAttest("A").raw(), chain, callsign.rootPem());
        assertThat(forged.passed()).as(forged.output()).isFalse();
        Secsipidx.Check wrongRoot = Secsipidx.check(dir, original.raw(), chain, unrelatedRoot());
        assertThat(wrongRoot.passed()).as(wrongRoot.output()).isFalse();
    }

    /** A public CA from the JDK's trust store: a root that did not issue the lab certificates. */
    private static Path unrelatedRoot() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        X509Certificate other = ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers()[0];
        Path file = dir.resolve("unrelated-root.pem");
        LabPem.write(file, "CERTIFICATE", other.getEncoded());
        return file;
    }

    private static void assertSigned(Calls.Call call, String attest, String orig) {
        SipMessage invite = call.delivered();
        List<String> identities = invite.headers("Identity");
        assertThat(identities).as("Identity headers of %s", invite.text()).hasSize(1);
        IdentityValue identity = IdentityValue.parse(identities.get(0));

        Secsipidx.Check check = Secsipidx.check(dir, identity.raw(), chain, callsign.rootPem());
        assertThat(check.passed()).as("secsipidx -check of %s: %s", identity.raw(), check.output()).isTrue();

        assertThat(identity.attest()).isEqualTo(attest);
        assertThat(identity.orig()).isEqualTo(orig);
        assertThat(identity.payload().path("dest").path("tn").get(0).asText()).isEqualTo("15145551234");
        // HDR-10: info equals the PASSporT's x5u, which is where Callsign publishes its chain.
        assertThat(identity.info()).isEqualTo(identity.header().path("x5u").asText())
                .isEqualTo(callsign.credentials().x5u().toString());
        // SIGN-15/16: the INVITE had no Date, so the proxy added Callsign's, and iat is that time.
        String date = invite.header("Date").orElseThrow(() -> new AssertionError("no Date header: " + invite.text()));
        assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond()).isEqualTo(identity.iat());
    }
}
