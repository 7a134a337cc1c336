package dev.gatehouse.apps.directoryfeed;

import dev.gatehouse.apps.company.Company;
import dev.gatehouse.apps.company.CompanyRepository;
import dev.gatehouse.apps.company.Project;
import dev.gatehouse.apps.company.ProjectRepository;
import dev.gatehouse.apps.installation.FutureProjects;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectArchived;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Keeps app-management's copy of companies and projects ({@code directory.company.v1}, {@code directory.project.v1})
 * and adds each new project to the installations that asked for all current and future projects.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    static final String CONSUMER = "apps.directory";

    private final IdempotentConsumer consumer;
    private final CompanyRepository companies;
    private final ProjectRepository projects;
    private final FutureProjects futureProjects;

    public DirectoryEventsConsumer(IdempotentConsumer consumer, CompanyRepository companies,
            ProjectRepository projects, FutureProjects futureProjects) {
        this.consumer = consumer;
        this.companies = companies;
        this.projects = projects;
        this.futureProjects = futureProjects;
        consumer.register(CONSUMER, Topics.DIRECTORY_COMPANY, this::effectOf);
        consumer.register(CONSUMER, Topics.DIRECTORY_PROJECT, this::effectOf);
    }

    @Incoming("companies")
    public Uni<Void> company(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    @Incoming("projects")
    public Uni<Void> project(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    private Supplier<Uni<Void>> effectOf(EventEnvelope event) {
        if (event.eventType().equals(DirectoryEvents.COMPANY_CREATED.name())) {
            CompanyCreated created = event.payloadAs(DirectoryEvents.COMPANY_CREATED);
            return () -> companyCreated(created);
        }
        if (event.eventType().equals(DirectoryEvents.PROJECT_CREATED.name())) {
            ProjectCreated created = event.payloadAs(DirectoryEvents.PROJECT_CREATED);
            return () -> projectCreated(created, event);
        }
        if (event.eventType().equals(DirectoryEvents.PROJECT_ARCHIVED.name())) {
            ProjectArchived archived = event.payloadAs(DirectoryEvents.PROJECT_ARCHIVED);
            return () -> projects.findById(archived.projectId()).chain(p -> {
                if (p == null) {
                    return Uni.createFrom().voidItem();
                }
                p.archived = true;
                return Panache.getSession().chain(s -> s.flush());
            });
        }
        return null;
    }

    private Uni<Void> companyCreated(CompanyCreated created) {
        return companies.findById(created.companyId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Company company = new Company();
            company.id = created.companyId();
            company.name = created.name();
            return companies.persistAndFlush(company).replaceWithVoid();
        });
    }

    private Uni<Void> projectCreated(ProjectCreated created, EventEnvelope event) {
        return projects.findById(created.projectId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Project project = new Project();
            project.id = created.projectId();
            project.companyId = created.companyId();
            return projects.persistAndFlush(project)
                    .chain(() -> futureProjects.add(created.companyId(), created.projectId(), event.actor()));
        });
    }
}
