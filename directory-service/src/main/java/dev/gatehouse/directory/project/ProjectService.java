package dev.gatehouse.directory.project;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.access.Visibility;
import dev.gatehouse.directory.company.CompanyService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.ProjectArchived;
import dev.gatehouse.events.directory.ProjectCreated;
import dev.gatehouse.events.directory.ProjectRenamed;
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
import java.util.UUID;

/** Creates, renames and archives projects; each change and its event commit together. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final CompanyService companies;
    private final OutboxWriter outbox;

    public ProjectService(ProjectRepository projects, CompanyService companies, OutboxWriter outbox) {
        this.projects = projects;
        this.companies = companies;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Project> create(UUID companyId, String rawName, Actor actor) {
        String name = rawName.strip();
        return companies.get(companyId)
                .chain(() -> requireFreeName(companyId, name, null))
                .chain(() -> {
                    Instant now = now();
                    Project p = new Project();
                    p.id = UUID.randomUUID();
                    p.companyId = companyId;
                    p.name = name;
                    p.status = ProjectStatus.active;
                    p.createdAt = now;
                    p.createdBy = actor.id();
                    p.updatedAt = now;
                    return projects.persistAndFlush(p);
                })
                .call(p -> outbox.append(EventEnvelope.of(DirectoryEvents.PROJECT_CREATED, DirectoryService.NAME,
                        companyId, actor, p.id.toString(), new ProjectCreated(p.id, companyId, p.name))))
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithTransaction
    public Uni<Project> rename(UUID companyId, UUID projectId, String rawName, Actor actor) {
        String name = rawName.strip();
        return get(companyId, projectId)
                .invoke(ProjectService::requireActive)
                .chain(p -> {
                    if (p.name.equals(name)) {
                        return Uni.createFrom().item(p);
                    }
                    String previous = p.name;
                    return requireFreeName(companyId, name, projectId)
                            .chain(() -> {
                                p.name = name;
                                p.updatedAt = now();
                                return projects.flush().replaceWith(p);
                            })
                            .call(renamed -> outbox.append(EventEnvelope.of(DirectoryEvents.PROJECT_RENAMED,
                                    DirectoryService.NAME, companyId, actor, renamed.id.toString(),
                                    new ProjectRenamed(renamed.id, companyId, previous, renamed.name))));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    /** Archiving an archived project changes nothing and publishes nothing. */
    @WithTransaction
    public Uni<Project> archive(UUID companyId, UUID projectId, Actor actor) {
        return get(companyId, projectId).chain(p -> {
            if (p.status == ProjectStatus.archived) {
                return Uni.createFrom().item(p);
            }
            Instant now = now();
            p.status = ProjectStatus.archived;
            p.archivedAt = now;
            p.updatedAt = now;
            return projects.flush().replaceWith(p)
                    .call(archived -> outbox.append(EventEnvelope.of(DirectoryEvents.PROJECT_ARCHIVED,
                            DirectoryService.NAME, companyId, actor, archived.id.toString(),
                            new ProjectArchived(archived.id, companyId, now))));
        });
    }

    @WithSession
    public Uni<Project> get(UUID companyId, UUID projectId) {
        return companies.get(companyId)
                .chain(() -> projects.findInCompany(companyId, projectId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Project", projectId));
    }

    @WithSession
    public Uni<Page<ProjectResponse>> list(UUID companyId, ProjectStatus status, Visibility visibility,
            PageRequest request) {
        return companies.get(companyId)
                .chain(() -> projects.page(companyId, status, visibility.projects(), request))
                .map(rows -> request.page(rows, p -> new PageRequest.Position(p.createdAt, p.id),
                        ProjectResponse::of));
    }

    private Uni<Void> requireFreeName(UUID companyId, String name, UUID except) {
        return projects.nameTaken(companyId, name, except)
                .invoke(taken -> {
                    if (taken) {
                        throw duplicate(name);
                    }
                })
                .replaceWithVoid();
    }

    private static void requireActive(Project p) {
        if (p.status == ProjectStatus.archived) {
            throw ProblemException.conflict("Project " + p.id + " is archived and cannot be renamed");
        }
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("A project named '" + name + "' already exists in this company");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
