package io.callsign.provisioning;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/numbers:export[?subscriber=]}: every assigned number as CSV in the import's columns,
 * streamed from PostgreSQL's COPY (one statement, so one consistent snapshot). Exporting and
 * re-importing the file changes nothing. Runs on a worker thread in blocking mode.
 */
final class NumberExportHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NumberExportHandler.class);

    // ISO 8601 in UTC without trailing zero fractions, so the file reads like the API's timestamps.
    private static final String INSTANT = "rtrim(rtrim(to_char(%1$s AT TIME ZONE 'UTC', "
            + "'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '0'), '.') || 'Z' AS %1$s";

    private final DataSource dataSource;

    NumberExportHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ListQuery query = ListQuery.parse(exchange.getQueryParameters(), List.of("subscriber"));
        // COPY takes no parameters; the identifier check leaves only [A-Za-z0-9._:@-], no quotes.
        String where = query.filter("subscriber")
                .map(s -> "WHERE subscriber_id = '" + Check.key("subscriber", s) + "' ")
                .orElse("");
        String sql = "COPY (SELECT tn, subscriber_id AS subscriber, "
                + "CASE WHEN verified THEN 'true' ELSE 'false' END AS verified, "
                + String.format(INSTANT, "valid_from") + ", " + String.format(INSTANT, "valid_until")
                + " FROM telephone_numbers " + where + "ORDER BY tn) TO STDOUT WITH (FORMAT csv, HEADER)";
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/csv; charset=utf-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"numbers.csv\"");
        OutputStream out = exchange.getOutputStream();
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (Exception e) {
            if (!exchange.isResponseStarted()) {
                throw e;
            }
            // Half a file must not look like a whole one: break the connection instead of ending the body.
            LOG.warn("number export to {} failed mid-stream: {}", exchange.getSourceAddress(), e.toString());
            exchange.getConnection().close();
            return;
        }
        out.close();
    }
}
