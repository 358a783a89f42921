package io.callsign.provisioning;

import io.callsign.http.Problem;
import io.callsign.http.Routes;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The provisioning API: mounts the subscriber, number, number-block and trunk resources, the number
 * import and export, and {@code /v1/explain}, all behind the provisioning authentication. Thread-safe
 * once mounted. Changes are written to PostgreSQL only; whatever serves calls learns of them through
 * the database's change feed, exactly as it does of changes made in SQL.
 */
public final class ProvisioningApi {

    /** The explain function to use until an attestation policy is plugged in: answers 501. */
    public static final Function<ExplainQuery, Object> NO_POLICY = query -> {
        throw new Problem(501, "Not Implemented", "no attestation policy is configured in this service, "
                + "so /v1/explain cannot answer for " + query.tn());
    };

    private final Transactions transactions;
    private final ProvisioningConfig config;
    private final Function<ExplainQuery, Object> explain;

    /**
     * @param explain the attestation policy's explanation of a call: returns a JSON-serialisable
     *                value, by convention {@code {"decision": "A", "steps": [...]}}
     */
    public ProvisioningApi(DataSource dataSource, ProvisioningConfig config, Function<ExplainQuery, Object> explain) {
        this.transactions = new Transactions(dataSource);
        this.config = config;
        this.explain = explain;
    }

    /** Adds the provisioning routes; call before the server starts. */
    public void mount(Routes routes) {
        new ResourceRoutes<>(new Subscribers(), transactions).mount(routes, "/v1/subscribers", "id", this::guard);
        new ResourceRoutes<>(new Numbers(), transactions).mount(routes, "/v1/numbers", "tn", this::guard);
        new ResourceRoutes<>(new NumberBlocks(), transactions).mount(routes, "/v1/number-blocks", "id", this::guard);
        new ResourceRoutes<>(new Trunks(), transactions).mount(routes, "/v1/trunks", "name", this::guard);
        // Expect: 100-continue: a refused client (401/403/415) learns it before sending gigabytes.
        routes.post("/v1/numbers:import", new HttpContinueReadHandler(
                guard(new NumberImportHandler(transactions.dataSource(), config.maxImportBytes(),
                        config.importIdleTimeout()))));
        routes.get("/v1/numbers:export", guard(new NumberExportHandler(transactions.dataSource())));
        routes.get("/v1/explain", guard(new ExplainHandler(explain)));
    }

    private HttpHandler guard(HttpHandler handler) {
        return new Guard(config.token(), handler);
    }
}
