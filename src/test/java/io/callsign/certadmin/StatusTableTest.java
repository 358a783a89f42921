package io.callsign.certadmin;

import static org.assertj.core.api.Assertions.assertThat;

import io.callsign.http.JsonBodies;
import org.junit.jupiter.api.Test;

class StatusTableTest {

    @Test
    void rendersOneAlignedLinePerFieldWithDaysLeftAndTheAcmeState() throws Exception {
        CertificateStatus status = new CertificateStatus("acme", true, "https://sti.example.com/.well-known/stir/ab.pem",
                "CN=sti.example.com", "CN=Test CA", "1f2e", "2026-11-30T00:00:00Z", "2027-02-28T00:00:00Z", 89L, false,
                new CertificateStatus.Acme("valid", "https://ca.example.net/dir", "http-01", "2027-01-29T00:00:00Z",
                        null, false, null));
        String table = StatusTable.render(JsonBodies.MAPPER.readTree(JsonBodies.MAPPER.writeValueAsString(status)));
        assertThat(table).isEqualTo(String.join(System.lineSeparator(),
                "source          acme",
                "subject         CN=sti.example.com",
                "issuer          CN=Test CA",
                "serial          1f2e",
                "not before      2026-11-30T00:00:00Z",
                "not after       2027-02-28T00:00:00Z (89 days left)",
                "x5u             https://sti.example.com/.well-known/stir/ab.pem",
                "acme state      valid",
                "acme directory  https://ca.example.net/dir (http-01)",
                "next renewal    2027-01-29T00:00:00Z",
                "last error      -",
                "alert           no", ""));
    }

    @Test
    void saysWhenNoCertificateIsInstalledAndRaisesTheAlert() throws Exception {
        CertificateStatus status = new CertificateStatus("acme", false, null, null, null, null, null, null, null, true,
                new CertificateStatus.Acme("retrying", "https://ca.example.net/dir", "tkauth-01", "2026-11-30T01:00:00Z",
                        "ACME creating the order failed: rateLimited", true, null));
        String table = StatusTable.render(JsonBodies.MAPPER.readTree(JsonBodies.MAPPER.writeValueAsString(status)));
        assertThat(table).contains("certificate     none installed yet").contains("acme state      retrying")
                .contains("last error      ACME creating the order failed: rateLimited").contains("alert           YES")
                .doesNotContain("serial");
    }
}
