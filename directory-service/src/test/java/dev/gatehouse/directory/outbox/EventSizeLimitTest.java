package dev.gatehouse.directory.outbox;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.testsupport.Sql;
import dev.gatehouse.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A change whose event Kafka would refuse is refused when it is written: the caller gets a 422 problem and its
 * transaction commits nothing, so no oversized row can reach the relay.
 */
@QuarkusTest
class EventSizeLimitTest {

    @Inject
    OutboxWriter outbox;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventLargerThanKafkaTakesIsRefusedAndNothingIsWritten() throws Exception {
        UUID company = UUID.randomUUID();
        EventEnvelope huge = EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, "directory-service", company,
                Actor.system("test"), company.toString(), new CompanyCreated(company, "x".repeat(1_000_000)));
        EventEnvelope small = EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, "directory-service", company,
                Actor.system("test"), company.toString(), new CompanyCreated(company, "fits"));

        Throwable refused = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.append(small).chain(() -> outbox.append(huge)))));

        assertThat(refused).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) refused).problem().status()).isEqualTo(422);
        assertThat(((ProblemException) refused).problem().detail()).contains("CompanyCreated").contains("900000");
        assertThat(Sql.count(dataSource, "select count(*) from outbox_event where kafka_key = ?", company.toString()))
                .as("the whole transaction rolled back").isZero();
    }
}
