package io.callsign.acme;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

/**
 * {@link SharedCredentialStore} on the {@code signing_credentials} table: each renewal adds a row
 * (key, chain, x5u, validity); the newest row is the current one, older rows that have not expired
 * are still published at their per-certificate x5u. Rows hold private keys, so the table is as
 * secret as the key files (see the migration). Failures throw {@link AcmeFailure}. Thread-safe.
 */
public final class SharedCredentialsRepository implements SharedCredentialStore {

    private static final String SOURCE = "acme";
    private static final String INSERT = """
            INSERT INTO signing_credentials (source, x5u, chain_pem, key_pem, not_before, not_after)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String LATEST = """
            SELECT key_pem, chain_pem FROM signing_credentials WHERE source = ?
            ORDER BY created_at DESC, id DESC LIMIT 1""";
    private static final String UNEXPIRED = """
            SELECT chain_pem FROM signing_credentials WHERE source = ? AND not_after > now()
            ORDER BY created_at DESC, id DESC""";

    private final DataSource database;
    private final Function<X509Certificate, URI> x5u;

    /** @param x5u the URL each chain is published at (stored with it, for operators and other tools) */
    public SharedCredentialsRepository(DataSource database, Function<X509Certificate, URI> x5u) {
        this.database = database;
        this.x5u = x5u;
    }

    @Override
    public void publish(String keyAndChainPem) {
        IssuedCertificate issued = IssuedCertificate.fromPem(keyAndChainPem);
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, SOURCE);
            insert.setString(2, x5u.apply(issued.leaf()).toString());
            insert.setString(3, issued.chainPem());
            insert.setString(4, PemCodec.privateKey(issued.key()));
            insert.setTimestamp(5, Timestamp.from(issued.notBefore()));
            insert.setTimestamp(6, Timestamp.from(issued.notAfter()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AcmeFailure("cannot store the renewed credentials in signing_credentials: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> latest() {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(LATEST)) {
            select.setString(1, SOURCE);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1) + row.getString(2)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new AcmeFailure("cannot read signing_credentials: " + e.getMessage(), e);
        }
    }

    /** Every chain not yet expired, newest first: what the certificate repository keeps serving. */
    public List<List<X509Certificate>> unexpiredChains() {
        List<List<X509Certificate>> chains = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(UNEXPIRED)) {
            select.setString(1, SOURCE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<X509Certificate> chain = PemCodec.readCertificates(rows.getString(1));
                    if (!chain.isEmpty()) {
                        chains.add(chain);
                    }
                }
            }
        } catch (SQLException e) {
            throw new AcmeFailure("cannot read signing_credentials: " + e.getMessage(), e);
        }
        return chains;
    }
}
