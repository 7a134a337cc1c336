package dev.gatehouse.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Looks straight into a service's own tables, for assertions the API cannot show (what is stored, what is queued). */
public final class Sql {

    private Sql() {
    }

    /** The single number {@code sql} selects, with {@code param} bound to its one placeholder. */
    public static long count(DataSource dataSource, String sql, Object param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
