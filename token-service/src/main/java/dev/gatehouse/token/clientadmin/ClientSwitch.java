package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.token.ClientDisabled;
import dev.gatehouse.events.token.ClientEnabled;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Objects;

/**
 * Itential's enable/disable toggle and "revoke every token": a disabled client cannot authenticate and the tokens
 * it held stay dead after it is enabled again.
 */
@ApplicationScoped
public class ClientSwitch {

    private final ClientRepository clients;
    private final ClientChanges changes;

    public ClientSwitch(ClientRepository clients, ClientChanges changes) {
        this.clients = clients;
        this.changes = changes;
    }

    @WithTransaction
    public Uni<ClientView> disable(ClientOwner owner, String clientId, String reason, Actor actor) {
        return changes.find(owner, clientId).call(changes::requireAnotherWayIn).chain(c -> {
            boolean change = c.enabled || !Objects.equals(c.disabledReason, reason);
            boolean wasEnabled = c.disable(reason, changes.now());
            changes.touch(c, actor);
            Uni<Void> event = change ? changes.emit(TokenEvents.CLIENT_DISABLED, c, actor,
                    new ClientDisabled(clientId, reason)) : Uni.createFrom().voidItem();
            return clients.flush().call(() -> event)
                    .call(() -> wasEnabled ? changes.revokeAll(c, "client_disabled", actor)
                            : Uni.createFrom().voidItem())
                    .chain(() -> changes.view(c));
        });
    }

    @WithTransaction
    public Uni<ClientView> enable(ClientOwner owner, String clientId, Actor actor) {
        return changes.find(owner, clientId).chain(c -> {
            boolean change = c.enable();
            changes.touch(c, actor);
            Uni<Void> event = change ? changes.emit(TokenEvents.CLIENT_ENABLED, c, actor, new ClientEnabled(clientId))
                    : Uni.createFrom().voidItem();
            return clients.flush().call(() -> event).chain(() -> changes.view(c));
        });
    }

    /** Every token issued to the client until now stops being valid. */
    @WithTransaction
    public Uni<ClientView> revokeTokens(ClientOwner owner, String clientId, Actor actor) {
        return changes.find(owner, clientId).chain(c -> {
            changes.touch(c, actor);
            return changes.revokeAll(c, "revoke_all", actor).chain(() -> clients.flush())
                    .chain(() -> changes.view(c));
        });
    }
}
