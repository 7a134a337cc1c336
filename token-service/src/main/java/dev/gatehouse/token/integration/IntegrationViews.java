package dev.gatehouse.token.integration;

import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.authorize.Consents;
import dev.gatehouse.token.client.ClientCache;
import dev.gatehouse.token.client.RegisteredClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Approvals as the integrations APIs show them: with the app's name, and for admins the person's e-mail. */
@ApplicationScoped
public class IntegrationViews {

    private final ClientCache clients;
    private final AccountRepository accounts;

    public IntegrationViews(ClientCache clients, AccountRepository accounts) {
        this.clients = clients;
        this.accounts = accounts;
    }

    Uni<List<IntegrationView>> of(List<Consents.Approval> approvals, boolean withEmails) {
        if (approvals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> clientIds = approvals.stream().map(Consents.Approval::clientId).distinct().toList();
        Uni<Map<UUID, String>> emails = withEmails ? emails(approvals.stream().map(Consents.Approval::accountId)
                .distinct().toList()) : Uni.createFrom().item(Map.of());
        return Multi.createFrom().iterable(clientIds).onItem().transformToUniAndConcatenate(clients::find)
                .collect().asList().chain(found -> emails.map(addresses -> {
                    Map<String, String> names = found.stream().flatMap(Optional::stream)
                            .collect(Collectors.toMap(RegisteredClient::clientId, RegisteredClient::name,
                                    (a, b) -> a));
                    return approvals.stream().map(a -> IntegrationView.of(a, names.getOrDefault(a.clientId(),
                            a.clientId()), addresses.get(a.accountId()))).toList();
                }));
    }

    private Uni<Map<UUID, String>> emails(List<UUID> accountIds) {
        return Panache.withSession(() -> accounts.list("id in ?1", accountIds)).map(list -> list.stream()
                .collect(Collectors.toMap((Account a) -> a.id, (Account a) -> a.email)));
    }
}
