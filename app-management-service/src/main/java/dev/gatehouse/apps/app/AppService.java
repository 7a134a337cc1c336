package dev.gatehouse.apps.app;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.company.CompanyRepository;
import dev.gatehouse.apps.developerorg.DeveloperOrgService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Registers and changes apps. Registering publishes {@code AppRegistered}, from which token-service creates the
 * app's OAuth client: the change and the event commit together, so a registered app always gets its client.
 */
@ApplicationScoped
public class AppService {

    private final AppRepository apps;
    private final DeveloperOrgService orgs;
    private final CompanyRepository companies;
    private final OutboxWriter outbox;

    public AppService(AppRepository apps, DeveloperOrgService orgs, CompanyRepository companies,
            OutboxWriter outbox) {
        this.apps = apps;
        this.orgs = orgs;
        this.companies = companies;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<App> register(AppRequest request, Actor actor) {
        AppKind kind = request.kind() == null ? AppKind.marketplace : request.kind();
        if (kind == AppKind.company && request.owningCompanyId() == null) {
            throw ProblemException.invalid("owningCompanyId", "is required for a company app");
        }
        if (kind == AppKind.marketplace && request.owningCompanyId() != null) {
            throw ProblemException.invalid("owningCompanyId", "is only for company apps");
        }
        String name = request.name().strip();
        return orgs.get(request.developerOrgId()).chain(org -> requireCompany(request.owningCompanyId())
                .chain(() -> requireFreeName(name, null))
                .chain(() -> {
                    Instant now = now();
                    App app = new App();
                    app.id = UUID.randomUUID();
                    app.developerOrgId = request.developerOrgId();
                    app.name = name;
                    app.description = request.description() == null ? "" : request.description().strip();
                    app.kind = kind;
                    app.owningCompanyId = request.owningCompanyId();
                    app.clientId = App.clientIdFor(app.id);
                    app.list(request.listing());
                    app.createdAt = now;
                    app.createdBy = actor.id();
                    app.updatedAt = now;
                    return apps.persistAndFlush(app);
                })
                .call(app -> outbox.append(EventEnvelope.of(AppsEvents.APP_REGISTERED, AppManagementService.NAME,
                        app.owningCompanyId, actor, app.id.toString(), new AppRegistered(app.id, app.developerOrgId,
                                app.name, app.description, app.clientId, app.kind.name(), app.owningCompanyId,
                                app.listing(), org.name)))))
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithTransaction
    public Uni<App> update(UUID appId, AppChangeRequest request, Actor actor) {
        String name = request.name() == null ? null : request.name().strip();
        return get(appId)
                .call(app -> name == null ? Uni.createFrom().voidItem() : requireFreeName(name, app.id))
                .chain(app -> {
                    String description = request.description() == null ? app.description
                            : request.description().strip();
                    String newName = Objects.requireNonNullElse(name, app.name);
                    boolean relisted = app.list(request.listingAfter(app.listing()));
                    if (newName.equals(app.name) && description.equals(app.description) && !relisted) {
                        return Uni.createFrom().item(app);
                    }
                    app.name = newName;
                    app.description = description;
                    app.updatedAt = now();
                    return apps.flush().replaceWith(app)
                            .call(changed -> outbox.append(EventEnvelope.of(AppsEvents.APP_UPDATED,
                                    AppManagementService.NAME, changed.owningCompanyId, actor, changed.id.toString(),
                                    new AppUpdated(changed.id, changed.developerOrgId, changed.name,
                                            changed.description, changed.listing()))));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithSession
    public Uni<App> get(UUID appId) {
        return apps.findById(appId).onItem().ifNull().failWith(() -> ProblemException.notFound("App", appId));
    }

    @WithSession
    public Uni<Page<AppResponse>> list(UUID developerOrgId, PageRequest request) {
        return apps.page(developerOrgId, request).map(rows -> request.page(rows,
                a -> new PageRequest.Position(a.createdAt, a.id), AppResponse::of));
    }

    /** A company app's company must exist (app-management's copy of the directory, from its events). */
    private Uni<Void> requireCompany(UUID companyId) {
        if (companyId == null) {
            return Uni.createFrom().voidItem();
        }
        return companies.findById(companyId).invoke(c -> {
            if (c == null) {
                throw ProblemException.invalid("owningCompanyId", "is not a company (or app-management has not "
                        + "heard of it yet: the directory's events arrive within seconds)");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> requireFreeName(String name, UUID except) {
        return apps.nameTaken(name, except).invoke(taken -> {
            if (taken) {
                throw duplicate(name);
            }
        }).replaceWithVoid();
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("An app named '" + name + "' already exists");
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
