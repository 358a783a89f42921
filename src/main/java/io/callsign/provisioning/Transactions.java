package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs provisioning work in one database transaction: committed when the work returns, rolled back
 * when it throws (a {@link Problem} included), so a change and its audit row are written together
 * or not at all. Constraint violations the checks did not catch become problems, not 500s.
 */
final class Transactions {

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw problem(e);
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** The problem a database refusal means to a client, or the exception itself when it is ours. */
    static RuntimeException problem(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = e.getMessage() == null ? state : e.getMessage().lines().findFirst().orElse(state);
        return switch (state) {
            case "23505", "23503" -> new Problem(409, "Conflict", "the change conflicts with existing data ("
                    + detail + "); reload and retry");
            case "23514", "23502", "22P02", "22007", "22008" -> Problem.badRequest("the database refused a value: " + detail);
            case "40001", "40P01" -> new Problem(409, "Conflict", "a concurrent change got in the way; retry");
            default -> new IllegalStateException("database failure " + state, e);
        };
    }
}
