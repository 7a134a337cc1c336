package dev.gatehouse.audit.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.audit.trail.TrailProjection;
import dev.gatehouse.events.EventEnvelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Whether each token-issuing credential may still get tokens ({@code credential_status}), as its owners' events last
 * said: an installation's state (every installation event carries it), a client's (disabled, enabled, deleted; a
 * service account's or legacy account's whole state), a person's approval of an app (granted, revoked). The newest
 * event wins by time, whatever order the topics deliver them in.
 */
@ApplicationScoped
public class CredentialStatuses implements TrailProjection {

    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";

    private static final String SET = """
            insert into credential_status (credential, status, changed_at)
            select * from unnest($1::text[], $2::text[], $3::timestamptz[])
            on conflict (credential) do update set status = excluded.status, changed_at = excluded.changed_at
            where credential_status.changed_at <= excluded.changed_at
            """;

    private record Status(String status, Instant at) {
    }

    static String installation(Object installationId) {
        return "installation:" + installationId;
    }

    static String client(String clientId) {
        return "client:" + clientId;
    }

    static String integration(Object companyId, Object accountId, String clientId) {
        return "integration:" + companyId + ":" + accountId + ":" + clientId;
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, List<EventEnvelope> recorded) {
        Map<String, Status> latest = new LinkedHashMap<>();
        for (EventEnvelope e : recorded) {
            read(e, (credential, status) -> latest.merge(credential, new Status(status, e.occurredAt()),
                    (a, b) -> b.at().isBefore(a.at()) ? a : b));
        }
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] credentials = latest.keySet().toArray(String[]::new);
        String[] statuses = latest.values().stream().map(Status::status).toArray(String[]::new);
        OffsetDateTime[] times = latest.values().stream()
                .map(s -> OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
        return conn.preparedQuery(SET).execute(Tuple.of(credentials, statuses, times)).replaceWithVoid();
    }

    /** What {@code e} says about a credential, if anything (read from the payload, whatever its event version). */
    private static void read(EventEnvelope e, BiConsumer<String, String> found) {
        JsonNode p = e.payload();
        JsonNode installation = p.path("installation");
        JsonNode account = p.path("account");
        switch (e.eventType()) {
            case "ClientDisabled" -> client(p, "disabled", found);
            case "ClientEnabled" -> client(p, ACTIVE, found);
            case "ClientDeleted" -> client(p, "deleted", found);
            case "ServiceAccountChanged" -> client(p, p.path("status").asText(null), found);
            case "IntegrationRevoked", "ConsentGranted" -> {
                if (p.hasNonNull("companyId") && p.hasNonNull("accountId") && p.hasNonNull("clientId")) {
                    found.accept(integration(p.get("companyId").asText(), p.get("accountId").asText(),
                            p.get("clientId").asText()), e.eventType().equals("ConsentGranted") ? ACTIVE : REVOKED);
                }
            }
            default -> {
                if (installation.hasNonNull("installationId") && installation.hasNonNull("status")) {
                    found.accept(installation(installation.get("installationId").asText()),
                            installation.get("status").asText());
                } else if (account.hasNonNull("clientId") && account.hasNonNull("status")) {
                    client(account, account.get("status").asText(), found);
                }
            }
        }
    }

    private static void client(JsonNode p, String status, BiConsumer<String, String> found) {
        if (p.hasNonNull("clientId") && status != null) {
            found.accept(client(p.get("clientId").asText()), status);
        }
    }
}
