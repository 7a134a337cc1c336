package dev.gatehouse.token.installation;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.events.EventJson;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppVersionPublished;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * token-service's copy of what the consent page shows about an app: who publishes it (from {@code AppRegistered})
 * and what each published version asks for and why (from {@code AppVersionPublished}; versions never change, so
 * the first copy stays). Written inside the consumer's transaction; replays change nothing.
 */
@ApplicationScoped
public class AppVersions {

    private final Clock clock;

    public AppVersions(Clock clock) {
        this.clock = clock;
    }

    /** What an app version asks for, with the name of the organization that publishes the app. */
    public record Published(AppManifest manifest, String publisher) {
    }

    Uni<Void> registered(AppRegistered app) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into app_publisher (client_id, app_id, developer_org_id, developer_org_name)
                        values (:client, :app, :org, :name) on conflict (client_id) do nothing""")
                .setParameter("client", app.clientId()).setParameter("app", app.appId())
                .setParameter("org", app.developerOrgId()).setParameter("name", app.developerOrgName())
                .executeUpdate()).replaceWithVoid();
    }

    Uni<Void> published(AppVersionPublished version) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into app_version (client_id, version, manifest, published_at)
                        values (:client, :version, :manifest, :at) on conflict (client_id, version) do nothing""")
                .setParameter("client", version.clientId()).setParameter("version", version.version())
                .setParameter("manifest", write(version.manifest())).setParameter("at", clock.instant())
                .executeUpdate()).replaceWithVoid();
    }

    /** The version's manifest and the app's publisher, if token-service has heard of the version. */
    public Uni<Optional<Published>> of(String clientId, String version) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select v.manifest, p.developer_org_name from app_version v
                        left join app_publisher p on p.client_id = v.client_id
                        where v.client_id = :client and v.version = :version""", Object[].class)
                .setParameter("client", clientId).setParameter("version", version).getResultList()))
                .map((List<Object[]> rows) -> rows.isEmpty() ? Optional.empty() : Optional.of(new Published(
                        read((String) rows.get(0)[0]), (String) rows.get(0)[1])));
    }

    private static String write(AppManifest manifest) {
        try {
            return EventJson.mapper().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AppManifest read(String json) {
        try {
            return EventJson.mapper().readValue(json, AppManifest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
