package dev.gatehouse.token.clientadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;
import dev.gatehouse.token.client.ClientOwner;
import dev.gatehouse.token.client.ClientRepository;
import dev.gatehouse.token.client.ServicePermissions;
import dev.gatehouse.token.clientadmin.ClientResponses.ClientView;
import dev.gatehouse.token.company.KnownProjects;
import dev.gatehouse.web.permission.PermissionInput;
import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Itential's "Edit Permissions" for a company's service account: the company and project permissions of its
 * directory user, which the directory judges its tokens by. Replaced as a whole; every mistake is reported at once
 * (unknown tools and levels, company-level tools per project, projects the company does not have or archived);
 * admin on the company's Directory is high-risk and needs {@code acknowledgeHighRisk: true}, as installing such an
 * app does. The change reaches the directory as {@code ServiceAccountChanged}, in the same transaction.
 */
@ApplicationScoped
public class ServiceAccountPermissions {

    private final ClientChanges changes;
    private final ClientRepository clients;
    private final KnownProjects projects;

    public ServiceAccountPermissions(ClientChanges changes, ClientRepository clients, KnownProjects projects) {
        this.changes = changes;
        this.clients = clients;
        this.projects = projects;
    }

    @WithTransaction
    public Uni<ClientView> replace(UUID companyId, String clientId, ClientRequests.Permissions request,
            Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<Tool, AccessLevel> company = PermissionInput.parse(request.companyPermissions(), false,
                "companyPermissions", errors);
        Map<Tool, AccessLevel> project = PermissionInput.parse(request.projectPermissions(), true,
                "projectPermissions", errors);
        List<UUID> projectIds = request.projectIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(request.projectIds()));
        ServicePermissions wanted = new ServicePermissions(wire(company), wire(project), projectIds);
        if (wanted.highRisk() && !Boolean.TRUE.equals(request.acknowledgeHighRisk())) {
            errors.add(new Problem.FieldError("acknowledgeHighRisk", "must be true: admin on the company Directory "
                    + "allows managing people and their permissions"));
        }
        return changes.find(ClientOwner.company(companyId), clientId).call(c -> {
            if (!c.isServiceAccount()) {
                throw ProblemException.of(409, "legacy-managed", "Managed by a legacy service account",
                        "Client " + clientId + " belongs to legacy service account " + c.legacyAccountId
                                + " (deprecated); its permissions are set in app-management-service.");
            }
            return projects.notLiveIn(companyId, projectIds).invoke(missing -> {
                for (int i = 0; i < projectIds.size(); i++) {
                    if (missing.contains(projectIds.get(i))) {
                        errors.add(new Problem.FieldError("projectIds[" + i + "]",
                                "is not a project of this company (or it is archived)"));
                    }
                }
                if (!errors.isEmpty()) {
                    throw ProblemException.invalid(errors);
                }
            });
        }).chain(c -> {
            wanted.writeTo(c);
            changes.touch(c, actor);
            return clients.flush().call(() -> changes.announce(c, actor, false)).chain(() -> changes.view(c));
        });
    }

    private static Map<String, AccessLevel> wire(Map<Tool, AccessLevel> levels) {
        Map<String, AccessLevel> wire = new TreeMap<>();
        levels.forEach((tool, level) -> {
            if (level != AccessLevel.NONE) {
                wire.put(tool.wireName(), level);
            }
        });
        return wire;
    }
}
