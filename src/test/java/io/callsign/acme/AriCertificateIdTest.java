package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.toolbox.AcmeUtils;

/** ACME-16: the certificate ID of RFC 9773 Appendix A, as acme4j (production) and our stub compute it. */
class AriCertificateIdTest {

    // RFC 9773 Appendix A example certificate
    static final String APPENDIX_A = """
            -----BEGIN CERTIFICATE-----
            MIIBQzCB66ADAgECAgUAh2VDITAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwpFeGFt
            cGxlIENBMCIYDzAwMDEwMTAxMDAwMDAwWhgPMDAwMTAxMDEwMDAwMDBaMBYxFDAS
            BgNVBAMTC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEeBZu
            7cbpAYNXZLbbh8rNIzuOoqOOtmxA1v7cRm//AwyMwWxyHz4zfwmBhcSrf47NUAFf
            qzLQ2PPQxdTXREYEnKMjMCEwHwYDVR0jBBgwFoAUaYhba4dGQEHhs3uEe6CuLN4B
            yNQwCgYIKoZIzj0EAwIDRwAwRAIge09+S5TZAlw5tgtiVvuERV6cT4mfutXIlwTb
            +FYN/8oCIClDsqBklhB9KAelFiYt9+6FDj3z4KGVelYM5MdsO3pK
            -----END CERTIFICATE-----
            """;

    @Test
    void acme4jComputesTheAppendixAIdentifier() throws Exception {
        assertThat(AcmeUtils.getRenewalUniqueIdentifier(appendixA())).isEqualTo("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
    }

    @Test
    void theStubsIndependentComputationAgrees() throws Exception {
        assertThat(TkauthAcmeStub.certificateId(appendixA())).isEqualTo("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
    }

    private static X509Certificate appendixA() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(APPENDIX_A.getBytes(StandardCharsets.US_ASCII)));
    }
}
