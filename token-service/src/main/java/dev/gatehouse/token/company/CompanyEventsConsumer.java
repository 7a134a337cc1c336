package dev.gatehouse.token.company;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Copies directory-service's {@code CompanyCreated} ({@code directory.company.v1}) into {@code known_company}, so
 * that no service account is made for a company that does not exist. Its channel also reads
 * {@code directory.project.v1} for {@link KnownProjects}.
 */
@ApplicationScoped
public class CompanyEventsConsumer {

    static final String CONSUMER = "token.companies";

    private final IdempotentConsumer consumer;
    private final KnownCompanyRepository companies;

    public CompanyEventsConsumer(IdempotentConsumer consumer, KnownCompanyRepository companies,
            KnownProjects projects) {
        this.consumer = consumer;
        this.companies = companies;
        // One channel for companies and projects (each channel costs about 2 s to close with the broker down).
        consumer.register(CONSUMER, Topics.DIRECTORY_PROJECT, projects::effectOf);
        consumer.register(CONSUMER, Topics.DIRECTORY_COMPANY, event -> {
            if (!event.eventType().equals(DirectoryEvents.COMPANY_CREATED.name())) {
                return null;
            }
            CompanyCreated created = event.payloadAs(DirectoryEvents.COMPANY_CREATED);
            return (Supplier<Uni<Void>>) () -> remember(created);
        });
    }

    @Incoming("companies")
    public Uni<Void> company(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    private Uni<Void> remember(CompanyCreated created) {
        return companies.findById(created.companyId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            KnownCompany c = new KnownCompany();
            c.id = created.companyId();
            c.name = created.name();
            return companies.persist(c).replaceWithVoid();
        });
    }
}
