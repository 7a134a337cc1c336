package dev.gatehouse.directory.events;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.Company;
import dev.gatehouse.directory.company.CompanyRepository;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectRenamed;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gatehouse.testsupport.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What directory-service publishes, read back from the real Kafka broker. */
@QuarkusTest
class DirectoryEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CompanyRepository companies;

    @Inject
    OutboxWriter outbox;

    @Inject
    AgroalDataSource dataSource;

    private EventProbe probe;

    @BeforeEach
    void probe() {
        probe = EventProbe.on(bootstrap, Topics.DIRECTORY_COMPANY, Topics.DIRECTORY_PROJECT);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void companyCreatedCarriesTheEnvelopeAndPayload() {
        String name = unique("Evented Co");
        UUID company = createCompany(name);

        List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(company.toString()), 1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        EventEnvelope e = events.get(0);
        assertThat(e.eventType()).isEqualTo("CompanyCreated");
        assertThat(e.eventVersion()).isEqualTo(1);
        assertThat(e.source()).isEqualTo("directory-service");
        assertThat(e.companyId()).isEqualTo(company);
        assertThat(e.aggregateType()).isEqualTo("Company");
        assertThat(e.actor().type()).isEqualTo(Actor.USER);
        assertThat(e.actor().id()).startsWith("platform-admin-");
        assertThat(e.payloadAs(DirectoryEvents.COMPANY_CREATED)).isEqualTo(new CompanyCreated(company, name));
        assertThat(probe.records()).filteredOn(r -> r.key().equals(company.toString()))
                .allSatisfy(r -> assertThat(r.topic()).isEqualTo(Topics.DIRECTORY_COMPANY));
    }

    @Test
    void projectLifecycleEventsArriveInOrderKeyedByProject() {
        UUID company = createCompany(unique("Lifecycle Co"));
        UUID project = createProject(company, "Alpha");
        String admin = TestTokens.companyAdmin(company).sign();
        String path = "/companies/" + company + "/projects/" + project;
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"Beta\"}").patch(path)
                .then().statusCode(200);
        given().auth().oauth2(admin).post(path + "/archive").then().statusCode(200);
        given().auth().oauth2(admin).post(path + "/archive").then().statusCode(200);

        List<EventEnvelope> events = probe.await(e -> e.aggregateId().equals(project.toString()), 3,
                Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("ProjectCreated", "ProjectRenamed", "ProjectArchived");
        assertThat(events.get(1).payloadAs(DirectoryEvents.PROJECT_RENAMED))
                .isEqualTo(new ProjectRenamed(project, company, "Alpha", "Beta"));
        assertThat(events).allSatisfy(e -> assertThat(e.companyId()).isEqualTo(company));
        // archiving twice published one event, not two
        assertThat(probe.await(e -> e.aggregateId().equals(project.toString()), 4, Duration.ofSeconds(1)))
                .hasSize(3);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        UUID doomed = UUID.randomUUID();
        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Company c = new Company();
            c.id = doomed;
            c.name = "Never Was";
            c.createdAt = Instant.now();
            c.createdBy = "test";
            return companies.persist(c)
                    .call(() -> outbox.append(EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, DirectoryService.NAME,
                            doomed, Actor.system("test"), doomed.toString(), new CompanyCreated(doomed, c.name))))
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("fails after the writes")));
        }))).hasMessageContaining("fails after the writes");

        assertThat(count("select count(*) from company where id = ?", doomed)).isZero();
        assertThat(count("select count(*) from outbox_event where kafka_key = ?", doomed.toString())).isZero();

        // A company created afterwards is published; the relay works in commit order, so had the rolled-back
        // event existed it would have been published before this one.
        UUID later = createCompany(unique("After Rollback"));
        assertThat(probe.await(e -> e.aggregateId().equals(later.toString()), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(probe.await(e -> e.aggregateId().equals(doomed.toString()), 1, Duration.ofMillis(500))).isEmpty();
    }

    private long count(String sql, Object param) throws Exception {
        return Sql.count(dataSource, sql, param);
    }
}
