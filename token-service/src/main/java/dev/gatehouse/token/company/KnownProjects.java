package dev.gatehouse.token.company;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectArchived;
import dev.gatehouse.events.directory.ProjectCreated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * token-service's copy of every company's projects ({@code directory.project.v1}: created, archived), so that a
 * service account is given only projects its company has ("Edit Permissions"). Only ids and whether archived.
 */
@ApplicationScoped
public class KnownProjects {

    /** What a project event does here (CompanyEventsConsumer's channel reads the topic); null: nothing. */
    Supplier<Uni<Void>> effectOf(EventEnvelope event) {
        if (event.eventType().equals(DirectoryEvents.PROJECT_CREATED.name())) {
            ProjectCreated created = event.payloadAs(DirectoryEvents.PROJECT_CREATED);
            return () -> write("""
                    insert into known_project (id, company_id) values (:id, :company)
                    on conflict (id) do nothing""", created.projectId(), created.companyId());
        }
        if (event.eventType().equals(DirectoryEvents.PROJECT_ARCHIVED.name())) {
            ProjectArchived archived = event.payloadAs(DirectoryEvents.PROJECT_ARCHIVED);
            return () -> write("""
                    insert into known_project (id, company_id, archived) values (:id, :company, true)
                    on conflict (id) do update set archived = true""", archived.projectId(), archived.companyId());
        }
        return null;
    }

    /** Of {@code ids}, those that are not live (not archived) projects of the company. */
    public Uni<Set<UUID>> notLiveIn(UUID companyId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from known_project where company_id = :company and not archived and id in (:ids)""",
                        UUID.class).setParameter("company", companyId).setParameter("ids", List.copyOf(ids))
                .getResultList())).map(live -> {
                    Set<UUID> missing = new HashSet<>(ids);
                    live.forEach(missing::remove);
                    return missing;
                });
    }

    private static Uni<Void> write(String statement, UUID id, UUID company) {
        return Panache.getSession().chain(s -> s.createNativeQuery(statement).setParameter("id", id)
                .setParameter("company", company).executeUpdate()).replaceWithVoid();
    }
}
