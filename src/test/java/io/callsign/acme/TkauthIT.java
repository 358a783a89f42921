package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tkauth-01 (RFC 9447/9448, ATIS-1000080) end to end against the in-test STI-PA and ACME stubs. */
class TkauthIT {

    @TempDir
    Path dir;

    private TestPki.Tls tls;
    private Path caFile;
    private StiPaStub stiPa;
    private TkauthAcmeStub acme;
    private AcmeStore store;

    @BeforeEach
    void start() throws Exception {
        tls = TestPki.localhostTls();
        caFile = tls.writeCertificate(dir.resolve("tls-ca.pem"));
        stiPa = new StiPaStub(tls);
        store = new AcmeStore(dir.resolve("acme"));
        startAcme(TkauthSettings.IdentifierEncoding.BASE64URL);
    }

    @AfterEach
    void stop() {
        stiPa.close();
        acme.close();
    }

    @Test
    void theRfcProfileIssuesACertificateForTheSpc() throws Exception {
        IssuedCertificate issued = enrolment(rfcSettings()).issue(null);

        assertThat(acme.violations).isEmpty();
        assertThat(issued.chain()).hasSize(2);
        byte[] extension = issued.leaf().getExtensionValue(TnAuthList.OID.getId());
        assertThat(ASN1OctetString.getInstance(extension).getOctets())
                .isEqualTo(TnAuthList.der("1234"));
        assertThat(Base64.getEncoder().encodeToString(issued.leaf().getPublicKey().getEncoded()))
                .isEqualTo(acme.lastCsrKey)
                .isNotEqualTo(Base64.getEncoder().encodeToString(store.accountKey().getPublic().getEncoded()));
        assertThat(stiPa.lastRequest.path("atc").path("tkvalue").asText()).isEqualTo("MAigBhYEMTIzNA");
        assertThat(stiPa.lastRequest.path("atc").path("ca").asBoolean(true)).isFalse();
    }

    @Test
    void theVermouthProfileUsesPaddedBase64SpkiFingerprintAndAtc() throws Exception {
        startAcme(TkauthSettings.IdentifierEncoding.BASE64);
        acme.fingerprintForm = TkauthSettings.FingerprintForm.SPKI;
        acme.responseField = "atc";

        enrolment(rfcSettings().withProfile(TkauthSettings.FingerprintForm.SPKI,
                TkauthSettings.IdentifierEncoding.BASE64, TkauthSettings.ResponseField.ATC)).issue(null);

        assertThat(acme.violations).isEmpty();
        assertThat(stiPa.lastRequest.path("atc").path("tkvalue").asText()).isEqualTo("MAigBhYEMTIzNA==");
    }

    @Test
    void acme04BadNonceIsRetriedWithTheNonceFromTheError() {
        acme.rejectFirstNonce = true;
        enrolment(rfcSettings()).issue(null);
        assertThat(acme.violations).isEmpty();
        assertThat(acme.requests).filteredOn(r -> r.equals("POST /new-acct")).hasSize(2);
    }

    /**
     * ACME-13. acme4j's finalize does not expose the response's Retry-After, so the order is read once
     * right after finalize; from then on every poll waits as told. acme4j counts the delay from the
     * response's Date header (whole seconds), so "2" may mean a little over one second.
     */
    @Test
    void acme13ProcessingOrdersArePolledAfterRetryAfter() {
        acme.processingPolls = 3;
        enrolment(rfcSettings()).issue(null);

        List<Long> polls = List.copyOf(acme.orderPollNanos); // finalize, then each poll while processing
        assertThat(polls).hasSize(4);
        for (int i = 2; i < polls.size(); i++) { // polls.get(1) is the read right after finalize
            assertThat(Duration.ofNanos(polls.get(i) - polls.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        }
        assertThat(acme.violations).isEmpty();
    }

    @Test
    void acme18OnlySpcTokenIsAnExplicitUnsupportedChallenge() {
        acme.offerAtc = false;
        acme.extraChallenges = List.of(Map.of("type", "spc-token"));
        assertThatThrownBy(() -> enrolment(rfcSettings()).issue(null))
                .isInstanceOf(AcmeFailure.class)
                .hasMessageContaining("unsupported challenge").hasMessageContaining("spc-token");
        assertThat(stiPa.tokensIssued).hasValue(0);
    }

    @Test
    void acme08AnotherTkauthTypeAloneIsNotAnswered() {
        acme.offerAtc = false;
        assertThatThrownBy(() -> enrolment(rfcSettings()).issue(null))
                .hasMessageContaining("no tkauth-01 challenge with tkauth-type atc");
    }

    @Test
    void acme10TheTokenIsCachedAndReplacedAfterARejectedChallenge() {
        AcmeEnrolment enrolment = enrolment(rfcSettings());
        enrolment.issue(null);
        enrolment.issue(null);
        assertThat(stiPa.tokensIssued).hasValue(1);

        acme.responseField = "atc"; // the CA now rejects our {"tkauth": ...}
        assertThatThrownBy(() -> enrolment.issue(null)).hasMessageContaining("tkauth-01");
        acme.violations.clear();
        acme.responseField = "tkauth";
        enrolment.issue(null);

        assertThat(stiPa.tokensIssued).hasValue(2);
        assertThat(acme.violations).isEmpty();
    }

    @Test
    void acme10RefusedStiPaCredentialsNameTheSettings() {
        TkauthSettings wrong = TkauthSettings.of(stiPa.tokenUrl(), "1234").withBasicAuth("carrier", "wrong");
        assertThatThrownBy(() -> enrolment(wrong).issue(null))
                .isInstanceOf(AcmeFailure.class)
                .hasMessageContaining("403").hasMessageContaining("CALLSIGN_ACME_TKAUTH_USER");
    }

    @Test
    void acme16AriGivesTheWindowAndTheRenewalOrderReplacesTheOldCertificate() throws Exception {
        acme.offerRenewalInfo = true;
        AcmeEnrolment enrolment = enrolment(rfcSettings());
        IssuedCertificate first = enrolment.issue(null);

        RenewalWindow window = enrolment.renewalWindow(first.leaf()).orElseThrow();
        assertThat(window.start()).isEqualTo(first.notBefore().plusSeconds(3600));
        assertThat(window.end()).isEqualTo(window.start().plusSeconds(7200));
        assertThat(window.explanation()).isEqualTo(URI.create(acme.directory().resolve("/ari-explained").toString()));
        assertThat(window.retryAfter()).isNotNull();

        enrolment.issue(first.leaf());
        assertThat(acme.lastReplaces).isEqualTo(TkauthAcmeStub.certificateId(first.leaf()));
        assertThat(acme.violations).isEmpty();
    }

    @Test
    void withoutRenewalInfoNoWindowAndNoReplaces() throws Exception {
        AcmeEnrolment enrolment = enrolment(rfcSettings());
        IssuedCertificate first = enrolment.issue(null);
        assertThat(enrolment.renewalWindow(first.leaf())).isEmpty();
        enrolment.issue(first.leaf());
        assertThat(acme.lastReplaces).isNull();
        assertThat(acme.renewalInfoRequests).isZero();
    }

    private void startAcme(TkauthSettings.IdentifierEncoding encoding) throws Exception {
        if (acme != null) {
            acme.close();
        }
        acme = new TkauthAcmeStub(tls, "1234", encoding);
        acme.stiPaKey = stiPa.signingKey.getPublic();
    }

    private TkauthSettings rfcSettings() {
        return TkauthSettings.of(stiPa.tokenUrl(), "1234").withBasicAuth(StiPaStub.USER, StiPaStub.PASSWORD);
    }

    private AcmeEnrolment enrolment(TkauthSettings settings) {
        AcmeConfig config = AcmeConfig.of(acme.directory(), "sti.example.com").withTrustedCa(caFile)
                .withTkauth(settings).withTimeout(Duration.ofSeconds(20));
        return new AcmeEnrolment(config, store, new Http01Responder(), Clock.systemUTC());
    }
}
