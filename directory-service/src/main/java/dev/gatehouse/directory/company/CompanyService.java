package dev.gatehouse.directory.company;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.CompanyCreated;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Creates and reads companies; each change and its event commit together. */
@ApplicationScoped
public class CompanyService {

    private final CompanyRepository companies;
    private final OutboxWriter outbox;

    public CompanyService(CompanyRepository companies, OutboxWriter outbox) {
        this.companies = companies;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Company> create(String name, Actor actor) {
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.name = name.strip();
        company.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        company.createdBy = actor.id();
        return companies.persist(company)
                .call(c -> outbox.append(EventEnvelope.of(DirectoryEvents.COMPANY_CREATED, DirectoryService.NAME,
                        c.id, actor, c.id.toString(), new CompanyCreated(c.id, c.name))));
    }

    @WithSession
    public Uni<Company> get(UUID id) {
        return companies.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Company", id));
    }

    /** A page of companies; {@code onlyCompany} limits it to that one (for callers who belong to one company). */
    @WithSession
    public Uni<Page<CompanyResponse>> list(PageRequest request, UUID onlyCompany) {
        return companies.page(request, onlyCompany)
                .map(rows -> request.page(rows, c -> new PageRequest.Position(c.createdAt, c.id),
                        CompanyResponse::of));
    }

    /** A page of the companies where this person's account is an active person. */
    @WithSession
    public Uni<Page<CompanyResponse>> listOfPerson(PageRequest request, UUID accountId) {
        return companies.pageOfPerson(request, accountId)
                .map(rows -> request.page(rows, c -> new PageRequest.Position(c.createdAt, c.id),
                        CompanyResponse::of));
    }
}
