package dev.gatehouse.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One schema and one login role per service, each role confined to its own schema: it owns it, its search path
 * is it, and no other role is granted anything on it. Idempotent, so the local stack runs it at every start.
 */
public final class ServiceSchemas {

    /** The service roles; each one's schema has the same name. */
    public static final List<String> ROLES = List.of("directory", "apps", "token", "audit");

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z_]{0,30}");
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private ServiceSchemas() {
    }

    public static void provision(Connection admin, String database, String role, String password) throws SQLException {
        // DDL takes no bind parameters, so the names and password are checked against a strict alphabet instead.
        require(SAFE_NAME, role, "role");
        require(SAFE_NAME, database, "database");
        require(SAFE_PASSWORD, password, "password");
        try (Statement st = admin.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') "
                    + "THEN CREATE ROLE " + role + " LOGIN; END IF; END $$");
            st.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + password + "'");
            st.execute("CREATE SCHEMA IF NOT EXISTS " + role + " AUTHORIZATION " + role);
            st.execute("ALTER ROLE " + role + " SET search_path = " + role);
            st.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            st.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
        }
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("unsafe " + what + " for provisioning");
        }
    }
}
