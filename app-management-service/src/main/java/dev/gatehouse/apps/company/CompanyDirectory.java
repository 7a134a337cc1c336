package dev.gatehouse.apps.company;

import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers "does this company exist, and are these its projects?" from app-management's copy of the directory.
 * The copy follows the directory's events, so a company or project created a moment ago may not be known yet:
 * the errors say so, and a client may simply retry.
 */
@ApplicationScoped
public class CompanyDirectory {

    private final CompanyRepository companies;
    private final ProjectRepository projects;

    public CompanyDirectory(CompanyRepository companies, ProjectRepository projects) {
        this.companies = companies;
        this.projects = projects;
    }

    /** Inside the caller's session. */
    public Uni<Company> require(UUID companyId) {
        return companies.findById(companyId).onItem().ifNull().failWith(() -> ProblemException.of(404,
                "not-found", "Not found", "Company " + companyId + " does not exist (or app-management has not "
                        + "heard of it yet: the directory's events arrive within seconds)"));
    }

    /**
     * The given projects, de-duplicated in request order, each checked to be an open project of the company; every
     * bad one is reported at once under {@code field.i}.
     */
    public Uni<List<UUID>> requireOpenProjects(UUID companyId, List<UUID> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        wanted.remove(null); // a JSON null in the list: reported as not a project, never queried
        Uni<List<Project>> found = wanted.isEmpty() ? Uni.createFrom().item(List.of())
                : projects.ofCompany(companyId, wanted);
        return found.map(list -> {
            requireAllOpen(ids, list, field);
            return List.copyOf(wanted);
        });
    }

    private static void requireAllOpen(List<UUID> ids, List<Project> found, String field) {
        Map<UUID, Project> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            Project p = id == null ? null : byId.get(id);
            if (p == null) {
                errors.add(new Problem.FieldError(field + "." + i, "is not a project of this company"
                        + " (or app-management has not heard of it yet)"));
            } else if (p.archived) {
                errors.add(new Problem.FieldError(field + "." + i, "is archived"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Every open project of the company, for the "all current" choices. */
    public Uni<List<UUID>> openProjectIds(UUID companyId) {
        return projects.openProjects(companyId).map(list -> list.stream().map(p -> p.id).toList());
    }
}
