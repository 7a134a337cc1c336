package dev.gatehouse.apps.company;

import dev.gatehouse.apps.DirectoryFeed;
import dev.gatehouse.testsupport.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * app-management's consumer of directory events takes the longest values directory-service's contract allows: a
 * company and a project named with 200 characters in any script.
 */
@QuarkusTest
class ProducerLimitsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theLongestCompanyAndProjectNamesAreTakenIn() throws Exception {
        DirectoryFeed directory = new DirectoryFeed(bootstrap, dataSource);
        String longest = "Ä" + "x".repeat(198) + "界";
        UUID company = directory.company(longest);
        UUID project = directory.project(company, "P" + "é".repeat(199));

        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select name from company where id = ?")) {
            st.setObject(1, company);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(longest);
            }
        }
        assertThat(Sql.count(dataSource, "select count(*) from project where id = ?", project)).isEqualTo(1);
    }
}
