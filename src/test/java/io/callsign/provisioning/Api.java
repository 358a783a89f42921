package io.callsign.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.callsign.TestService;
import io.callsign.http.JsonBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;

/** Test helper: provisioning calls against a running service, and SQL to see what was written. */
final class Api {

    private final Function<String, URI> uri;
    private final DataSource dataSource;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(TestService service) {
        this(service::uri, service.database().dataSource());
    }

    Api(Function<String, URI> uri, DataSource dataSource) {
        this.uri = uri;
        this.dataSource = dataSource;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(String path, String json, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(builder(path, headers).DELETE().build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri.apply(path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JsonBodies.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String detail(HttpResponse<String> response) {
        return json(response).path("detail").asText();
    }

    /** The first column of the first row of {@code sql}, as text (null when no row). */
    String sql(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String table) {
        return Long.parseLong(sql("SELECT count(*) FROM " + table));
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
