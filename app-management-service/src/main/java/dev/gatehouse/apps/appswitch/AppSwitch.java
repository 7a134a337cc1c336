package dev.gatehouse.apps.appswitch;

import dev.gatehouse.apps.binding.BindingService;
import dev.gatehouse.apps.binding.BindingState;
import dev.gatehouse.apps.installation.InstallationRepository;
import dev.gatehouse.apps.installation.InstallationService;
import dev.gatehouse.events.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Turning a marketplace app on or off in a company, as Canvas turns a developer key off in an account: the binding
 * changes, and the company's installation of the app follows it in the same transaction, suspended while the app is
 * off (its app user inactive, its tokens refused everywhere) and back as it was when it is on again.
 */
@ApplicationScoped
public class AppSwitch {

    private final BindingService bindings;
    private final InstallationService installationService;
    private final InstallationRepository installations;

    public AppSwitch(BindingService bindings, InstallationService installationService,
            InstallationRepository installations) {
        this.bindings = bindings;
        this.installationService = installationService;
        this.installations = installations;
    }

    @WithSession
    public Uni<AppSwitchResponse> get(UUID companyId, UUID appId) {
        return bindings.get(companyId, appId).chain(binding -> installations.ofCompanyAndApp(companyId, appId)
                .map(i -> AppSwitchResponse.of(binding, Optional.ofNullable(i))));
    }

    @WithTransaction
    public Uni<AppSwitchResponse> put(UUID companyId, UUID appId, BindingState state, Actor actor) {
        return bindings.put(companyId, appId, state, actor).chain(binding -> installationService
                .followBinding(companyId, appId, state == BindingState.off, actor)
                .map(i -> AppSwitchResponse.of(binding, i)));
    }
}
