package dev.gatehouse.audit.trail;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppUpdated;
import dev.gatehouse.events.apps.AppsEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Every app's OAuth client and name ({@code app_client}, from {@code AppRegistered} and {@code AppUpdated}): how
 * a token or client event is filed under its app, and what the reports call it. Applied before the batch's entries
 * are written, so an app registered in the same batch as its first token already counts. An event that cannot be
 * filed (a field missing, a client id already another app's) is left out, never allowed to stop the batch.
 */
@ApplicationScoped
class AppClients {

    private static final String REGISTER = """
            insert into app_client (app_id, client_id, developer_org_id, name) values ($1, $2, $3, $4)
            on conflict do nothing
            """;
    private static final String RENAME = "update app_client set name = $2 where app_id = $1";

    Uni<Void> apply(SqlConnection conn, List<EventEnvelope> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (EventEnvelope e : events) {
            if (e.eventType().equals(AppsEvents.APP_REGISTERED.name())) {
                AppRegistered app = TrailProjection.payloadOrNull(e, AppsEvents.APP_REGISTERED);
                if (app == null || app.appId() == null || app.clientId() == null || app.developerOrgId() == null
                        || app.name() == null) {
                    continue;
                }
                done = done.chain(() -> conn.preparedQuery(REGISTER)
                        .execute(Tuple.of(app.appId(), app.clientId(), app.developerOrgId(), app.name()))
                        .replaceWithVoid());
            } else if (e.eventType().equals(AppsEvents.APP_UPDATED.name())) {
                AppUpdated app = TrailProjection.payloadOrNull(e, AppsEvents.APP_UPDATED);
                if (app == null || app.name() == null) {
                    continue;
                }
                done = done.chain(() -> conn.preparedQuery(RENAME).execute(Tuple.of(app.appId(), app.name()))
                        .replaceWithVoid());
            }
        }
        return done;
    }
}
