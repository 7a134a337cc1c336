package dev.gatehouse.directory.security;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each service's database role can use only its own schema. */
@QuarkusTest
class DatabaseIsolationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "gatehouse.test.role-password.apps")
    String appsPassword;

    @ConfigProperty(name = "gatehouse.test.role-password.directory")
    String directoryPassword;

    @Test
    void anotherServicesRoleIsRefusedOnDirectoryTables() throws SQLException {
        try (Connection apps = DriverManager.getConnection(url, "apps", appsPassword);
             Statement st = apps.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("select * from directory.company"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema directory");
            assertThatThrownBy(() -> st.execute("insert into directory.outbox_event (event_id, topic, kafka_key, "
                    + "event_type, envelope) values (gen_random_uuid(), 't', 'k', 'x', '{}')"))
                    .hasMessageContaining("permission denied for schema directory");
        }
    }

    @Test
    void theDirectoryRoleCannotReachIntoOtherSchemasOrPublic() throws SQLException {
        try (Connection directory = DriverManager.getConnection(url, "directory", directoryPassword);
             Statement st = directory.createStatement()) {
            assertThat(st.executeQuery("select count(*) from directory.company").next()).isTrue();
            assertThatThrownBy(() -> st.execute("create table apps.stolen (id int)"))
                    .hasMessageContaining("permission denied for schema apps");
            assertThatThrownBy(() -> st.execute("create table public.stolen (id int)"))
                    .hasMessageContaining("permission denied for schema public");
        }
    }
}
