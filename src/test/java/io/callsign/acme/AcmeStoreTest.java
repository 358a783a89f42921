package io.callsign.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcmeStoreTest {

    private static final URI DIRECTORY = URI.create("https://ca.example/directory");

    @TempDir
    Path dir;

    @Test
    void acme19EveryFileIs0600AndNoTemporaryFileStays() throws Exception {
        AcmeStore store = new AcmeStore(dir.resolve("acme"));
        store.accountKey();
        store.saveAccountUrl(DIRECTORY, new URL("https://ca.example/acct/1"));
        store.saveCertificate(new TestPki.Ca("Store CA").issued(Instant.now(), Instant.now().plusSeconds(3600)));

        try (Stream<Path> files = Files.list(dir.resolve("acme"))) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("account-key.pem", "account.txt", "certificate.pem");
            for (Path file : all) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("acme"))))
                .isEqualTo("rwx------");
    }

    @Test
    void theAccountKeyIsCreatedOnceAndReusedAfterRestart() {
        KeyPair first = new AcmeStore(dir).accountKey();
        KeyPair again = new AcmeStore(dir).accountKey();
        assertThat(again.getPublic()).isEqualTo(first.getPublic());
        assertThat(first.getPublic().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void theAccountUrlBelongsToItsDirectory() throws Exception {
        AcmeStore store = new AcmeStore(dir);
        store.saveAccountUrl(DIRECTORY, new URL("https://ca.example/acct/7"));
        assertThat(new AcmeStore(dir).accountUrl(DIRECTORY)).contains(new URL("https://ca.example/acct/7"));
        assertThat(store.accountUrl(URI.create("https://other-ca.example/directory"))).isEmpty();
        store.forgetAccountUrl();
        assertThat(store.accountUrl(DIRECTORY)).isEmpty();
    }

    @Test
    void theStoredCertificateRoundTrips() throws Exception {
        IssuedCertificate issued = new TestPki.Ca("Store CA").issued(Instant.now(), Instant.now().plusSeconds(3600));
        new AcmeStore(dir).saveCertificate(issued);
        IssuedCertificate loaded = new AcmeStore(dir).loadCertificate().orElseThrow();
        assertThat(loaded.chain()).isEqualTo(issued.chain());
        assertThat(loaded.key().getEncoded()).isEqualTo(issued.key().getEncoded());
    }

    @Test
    void aKeyThatDoesNotMatchItsLeafIsIgnoredNotInstalled() throws Exception {
        TestPki.Ca ca = new TestPki.Ca("Store CA");
        IssuedCertificate one = ca.issued(Instant.now(), Instant.now().plusSeconds(3600));
        IssuedCertificate other = ca.issued(Instant.now(), Instant.now().plusSeconds(3600));
        Files.writeString(dir.resolve(AcmeStore.CERTIFICATE), PemCodec.privateKey(other.key()) + one.chainPem());
        assertThat(new AcmeStore(dir).loadCertificate()).isEmpty();
    }

    @Test
    void acme19ThePublishedChainHoldsNoPrivateKey() throws Exception {
        IssuedCertificate issued = new TestPki.Ca("Store CA").issued(Instant.now(), Instant.now().plusSeconds(3600));
        assertThat(issued.chainPem()).doesNotContain("PRIVATE KEY").contains("BEGIN CERTIFICATE");
        assertThat(issued.toString()).doesNotContain("PRIVATE");
        assertThat(issued.toPem()).contains("BEGIN PRIVATE KEY");
    }
}
