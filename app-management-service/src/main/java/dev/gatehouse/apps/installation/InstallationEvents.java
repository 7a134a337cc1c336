package dev.gatehouse.apps.installation;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.app.App;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Announces installation changes on {@code apps.installation.v1} through the outbox, in the transaction of the
 * change. Every event carries the whole state, so directory-service and token-service apply each one alone.
 */
@ApplicationScoped
public class InstallationEvents {

    private final OutboxWriter outbox;

    public InstallationEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public <P> Uni<Void> publish(EventType<P> type, Installation installation, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, AppManagementService.NAME, installation.companyId, actor,
                installation.id.toString(), payload));
    }

    public static InstallationState stateOf(Installation i, App app) {
        return new InstallationState(i.id, i.revision, i.companyId, i.appId, app.name, app.clientId, i.appVersion,
                i.effectiveStatus(), i.appUserId, i.grants.companyPermissions(), i.grants.projectPermissions(),
                i.grants.scopes(), i.projectAccess.name(), List.copyOf(i.projectIds), i.highRisk);
    }
}
