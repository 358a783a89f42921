package io.callsign.provisioning;

import io.callsign.http.JsonBodies;
import io.callsign.http.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.xnio.Options;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/numbers:import}: streams a CSV body (text/csv) into one transaction. all-or-nothing
 * (the default) commits only a file without bad rows and answers 422 with the bad rows otherwise;
 * report commits the good rows and lists the bad ones. An upload that breaks off commits nothing.
 * Runs on a worker thread in blocking mode (see {@link Guard}).
 */
final class NumberImportHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NumberImportHandler.class);

    private final DataSource dataSource;
    private final long maxBytes;
    private final Duration idleTimeout;

    NumberImportHandler(DataSource dataSource, long maxBytes, Duration idleTimeout) {
        this.dataSource = dataSource;
        this.maxBytes = maxBytes;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws IOException {
        ImportMode mode = mode(exchange);
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)).orElse("");
        if (!type.toLowerCase(Locale.ROOT).matches("(text|application)/csv\\s*(;.*)?")) {
            throw new Problem(415, "Unsupported Media Type", "send the numbers as CSV with 'Content-Type: text/csv' (got '"
                    + type + "'); columns " + ImportRow.COLUMNS);
        }
        exchange.setMaxEntitySize(maxBytes);
        ImportReport report;
        try {
            report = load(exchange, mode);
        } catch (IOException e) {
            if (e instanceof RequestTooBigException) {
                throw e;
            }
            // The client went away or sent a broken body: the transaction was rolled back.
            LOG.info("number import from {} aborted, nothing written: {}", exchange.getSourceAddress(), e.toString());
            throw Problem.badRequest("the upload broke off before the end of the body (" + e.getMessage()
                    + "); nothing was imported");
        }
        respond(exchange, report);
    }

    private ImportReport load(HttpServerExchange exchange, ImportMode mode) throws IOException {
        // A client that stops sending must not hold a transaction open for ever: a read that waits longer
        // than this fails (ReadTimeoutException) and the import rolls back. Undertow takes the timeout
        // from the connection when the body stream is created; it is reset once the body is read.
        Integer before = exchange.getConnection().setOption(Options.READ_TIMEOUT, (int) idleTimeout.toMillis());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ImportReport report = new NumberImporter().run(c, exchange.getInputStream(), mode, Exchanges.actor(exchange));
                if (mode == ImportMode.ALL_OR_NOTHING && report.rejectedCount() > 0) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return report;
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Transactions.problem(e);
        } finally {
            exchange.getConnection().setOption(Options.READ_TIMEOUT, before == null ? 0 : before);
        }
    }

    private static ImportMode mode(HttpServerExchange exchange) {
        for (String name : exchange.getQueryParameters().keySet()) {
            if (!name.equals("mode")) {
                throw Problem.badRequest("unknown query parameter '" + name + "'; use mode=all-or-nothing or mode=report");
            }
        }
        return ImportMode.parse(Exchanges.query(exchange, "mode").orElse(ImportMode.ALL_OR_NOTHING.text));
    }

    private static void respond(HttpServerExchange exchange, ImportReport report) throws IOException {
        boolean refused = report.mode().equals(ImportMode.ALL_OR_NOTHING.text) && report.rejectedCount() > 0;
        Map<String, Object> body = new LinkedHashMap<>();
        if (refused) {
            // RFC 9457 problem with the report's members as extensions.
            body.put("type", "about:blank");
            body.put("title", "Unprocessable Content");
            body.put("status", 422);
            body.put("detail", report.rejectedCount() + " of " + report.rows() + " row(s) rejected, so nothing was "
                    + "imported (mode all-or-nothing); fix them, or import with mode=report to load the good rows");
            body.put("instance", exchange.getRequestPath());
        }
        body.put("mode", report.mode());
        body.put("rows", report.rows());
        body.put("inserted", report.inserted());
        body.put("updated", report.updated());
        body.put("unchanged", report.unchanged());
        body.put("rejected", report.rejected());
        body.put("rejectedCount", report.rejectedCount());
        exchange.setStatusCode(refused ? 422 : 200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, refused ? "application/problem+json" : "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(JsonBodies.MAPPER.writeValueAsBytes(body)));
    }
}
