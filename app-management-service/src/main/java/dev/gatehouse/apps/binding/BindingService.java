package dev.gatehouse.apps.binding;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.apps.app.AppRepository;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppBindingChanged;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A company's on/off/allow bindings for marketplace apps; each change is announced as AppBindingChanged. */
@ApplicationScoped
public class BindingService {

    private final AppBindingRepository bindings;
    private final AppRepository apps;
    private final CompanyDirectory directory;
    private final DefaultBinding defaults;
    private final OutboxWriter outbox;
    private final Clock clock;

    public BindingService(AppBindingRepository bindings, AppRepository apps, CompanyDirectory directory,
            DefaultBinding defaults, OutboxWriter outbox, Clock clock) {
        this.bindings = bindings;
        this.apps = apps;
        this.directory = directory;
        this.defaults = defaults;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<BindingResponse> get(UUID companyId, UUID appId) {
        return marketplaceApp(companyId, appId).chain(app -> bindings.find(companyId, appId)
                .map(b -> BindingResponse.of(companyId, appId, b, defaults.of(app))));
    }

    @WithTransaction
    public Uni<BindingResponse> put(UUID companyId, UUID appId, BindingState state, Actor actor) {
        return marketplaceApp(companyId, appId).chain(app -> bindings.find(companyId, appId).chain(existing -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            if (existing != null && existing.state == state) {
                return Uni.createFrom().item(existing);
            }
            BindingState previous = defaults.effective(app, existing);
            AppBinding b = existing == null ? new AppBinding() : existing;
            b.companyId = companyId;
            b.appId = appId;
            b.state = state;
            b.updatedAt = now;
            b.updatedBy = actor.id();
            return (existing == null ? bindings.persistAndFlush(b) : bindings.flush().replaceWith(b))
                    .call(saved -> outbox.append(EventEnvelope.of(AppsEvents.APP_BINDING_CHANGED,
                            AppManagementService.NAME, companyId, actor, appId.toString(),
                            new AppBindingChanged(companyId, appId, state.name(), previous.name()))));
        }).map(b -> BindingResponse.of(companyId, appId, b, defaults.of(app))));
    }

    private Uni<App> marketplaceApp(UUID companyId, UUID appId) {
        return directory.require(companyId).chain(() -> apps.findById(appId)).map(app -> {
            if (app == null || !InstallPolicy.visible(app, companyId)) {
                throw ProblemException.notFound("App", appId);
            }
            if (app.kind == AppKind.company) {
                throw ProblemException.conflict("'" + app.name + "' is this company's own app: it needs no binding "
                        + "and is always installable here");
            }
            return app;
        });
    }
}
