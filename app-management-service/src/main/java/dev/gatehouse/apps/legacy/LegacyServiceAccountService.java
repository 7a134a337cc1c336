package dev.gatehouse.apps.legacy;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.binding.InstallPolicy;
import dev.gatehouse.apps.company.Company;
import dev.gatehouse.apps.company.CompanyDirectory;
import dev.gatehouse.apps.installation.Grant;
import dev.gatehouse.apps.installation.InstallCommand;
import dev.gatehouse.apps.installation.Installation;
import dev.gatehouse.apps.installation.InstallationRepository;
import dev.gatehouse.apps.installation.InstallationResponse;
import dev.gatehouse.apps.installation.InstallationService;
import dev.gatehouse.apps.installation.InstallationStatus;
import dev.gatehouse.apps.installation.PermittedProjects;
import dev.gatehouse.apps.upgrade.GrantDiff;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.LegacyServiceAccountChanged;
import dev.gatehouse.events.apps.LegacyServiceAccountCreated;
import dev.gatehouse.events.apps.LegacyServiceAccountDeleted;
import dev.gatehouse.events.apps.LegacyServiceAccountMigrated;
import dev.gatehouse.events.apps.LegacyServiceAccountState;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Legacy service accounts: create, change by hand, delete, and migrate onto an app installation. Each change and
 * its event (carrying the whole state) commit together; directory-service and token-service follow the events.
 */
@ApplicationScoped
public class LegacyServiceAccountService {

    /** Company service accounts' ids in token-service start with {@code sa_}; legacy ones say what they are. */
    static final String CLIENT_PREFIX = "lsa_";

    private final LegacyServiceAccountRepository accounts;
    private final CompanyDirectory directory;
    private final InstallationService installations;
    private final InstallationRepository installationRows;
    private final PermittedProjects permittedProjects;
    private final OutboxWriter outbox;
    private final SecureRandom random = new SecureRandom();

    public LegacyServiceAccountService(LegacyServiceAccountRepository accounts, CompanyDirectory directory,
            InstallationService installations, InstallationRepository installationRows,
            PermittedProjects permittedProjects, OutboxWriter outbox) {
        this.accounts = accounts;
        this.directory = directory;
        this.installations = installations;
        this.installationRows = installationRows;
        this.permittedProjects = permittedProjects;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<LegacyServiceAccount> create(UUID companyId, LegacyAccountRequest request, Actor actor) {
        String name = request.name().strip();
        Grant grant = LegacyPermissions.of(request.companyPermissions(), request.projectPermissions(), null);
        return directory.require(companyId)
                .invoke(company -> requireHighRiskAllowed(company, grant, request.acknowledgeHighRisk()))
                .chain(company -> accounts.nameTaken(companyId, name))
                .invoke(taken -> {
                    if (taken) {
                        throw duplicate(name);
                    }
                })
                .chain(() -> directory.requireOpenProjects(companyId, request.projectIds(), "projectIds"))
                .chain(projectIds -> {
                    Instant now = now();
                    LegacyServiceAccount a = new LegacyServiceAccount();
                    a.id = UUID.randomUUID();
                    a.companyId = companyId;
                    a.name = name;
                    a.description = request.description();
                    a.userId = UUID.randomUUID();
                    a.clientId = CLIENT_PREFIX + HexFormat.of().formatHex(randomBytes(16));
                    a.status = LegacyAccountStatus.active;
                    a.revision = 0;
                    a.grant(grant);
                    a.projectIds = List.copyOf(projectIds);
                    a.createdAt = now;
                    a.createdBy = actor.id();
                    a.touched(actor.id(), now);
                    return accounts.persistAndFlush(a).call(saved -> publish(
                            AppsEvents.LEGACY_SERVICE_ACCOUNT_CREATED, saved, actor,
                            new LegacyServiceAccountCreated(stateOf(saved))));
                })
                .onFailure(UniqueViolation::is).transform(e -> duplicate(name));
    }

    @WithSession
    public Uni<LegacyServiceAccount> get(UUID companyId, UUID accountId) {
        return find(companyId, accountId);
    }

    @WithSession
    public Uni<Page<LegacyServiceAccount>> list(UUID companyId, LegacyAccountStatus status, PageRequest request) {
        return directory.require(companyId).chain(() -> accounts.page(companyId, status, request))
                .map(rows -> request.page(rows, a -> new PageRequest.Position(a.createdAt, a.id), a -> a));
    }

    @WithTransaction
    public Uni<LegacyServiceAccount> change(UUID companyId, UUID accountId, LegacyAccountChange change,
            Actor actor) {
        return find(companyId, accountId).invoke(LegacyServiceAccountService::requireActive).chain(a -> {
            Grant grant = LegacyPermissions.of(change.companyPermissions(), change.projectPermissions(), a.grants);
            Uni<List<UUID>> projects = change.projectIds() == null ? Uni.createFrom().item(a.projectIds)
                    : directory.requireOpenProjects(companyId, change.projectIds(), "projectIds");
            return directory.require(companyId).invoke(company -> {
                if (grant.highRisk() && !a.highRisk) {
                    requireHighRiskAllowed(company, grant, change.acknowledgeHighRisk());
                }
            }).chain(() -> projects).chain(projectIds -> {
                if (grant.equals(a.grants) && projectIds.equals(a.projectIds)) {
                    return Uni.createFrom().item(a);
                }
                a.grant(grant);
                a.projectIds = List.copyOf(projectIds);
                a.touched(actor.id(), now());
                return accounts.flush().call(() -> publish(AppsEvents.LEGACY_SERVICE_ACCOUNT_CHANGED, a, actor,
                        new LegacyServiceAccountChanged(stateOf(a)))).replaceWith(a);
            });
        });
    }

    /** Its user is deactivated and its client removed; the account stays, for history. Deleting again is a no-op. */
    @WithTransaction
    public Uni<LegacyServiceAccount> delete(UUID companyId, UUID accountId, Actor actor) {
        return find(companyId, accountId).chain(a -> {
            if (a.status == LegacyAccountStatus.deleted) {
                return Uni.createFrom().item(a);
            }
            requireActive(a);
            a.status = LegacyAccountStatus.deleted;
            a.touched(actor.id(), now());
            return accounts.flush().call(() -> publish(AppsEvents.LEGACY_SERVICE_ACCOUNT_DELETED, a, actor,
                    new LegacyServiceAccountDeleted(stateOf(a)))).replaceWith(a);
        });
    }

    /**
     * Moves the account onto an installation of the chosen app, in one transaction: installs the app with the
     * account's projects (or, when the app is already installed here, adds them to its permitted projects), then
     * retires the account (its user deactivated, its client removed). The installation's permissions are its
     * manifest's, never the account's: what the account had beyond them is dropped, and what the manifest adds must
     * be accepted ({@code acceptAddedPermissions}), so a migration never widens access silently.
     */
    @WithTransaction
    public Uni<Migrated> migrate(UUID companyId, UUID accountId, MigrateCommand command, Actor actor) {
        return find(companyId, accountId).invoke(LegacyServiceAccountService::requireActive)
                .chain(a -> directory.openProjectIds(companyId)
                        .map(open -> a.projectIds.stream().filter(open::contains).toList())
                        .chain(projects -> installationRows.ofCompanyAndApp(companyId, command.appId())
                                .chain(existing -> existing != null && existing.status != InstallationStatus.uninstalled
                                        ? addProjects(companyId, existing, projects, actor)
                                        : installations.install(companyId, new InstallCommand(command.appId(),
                                                command.version(), null, projects, command.acknowledgeHighRisk()),
                                                InstallPolicy.Route.DIRECT, actor)))
                        .chain(installed -> retire(a, installed, command, actor)));
    }

    /** A migration's outcome: the retired account, the installation, and how their permissions differ. */
    public record Migrated(LegacyServiceAccount account, InstallationService.Installed installed, GrantDiff diff) {

        public MigrationResponse response() {
            return new MigrationResponse(LegacyServiceAccountResponse.of(account),
                    InstallationResponse.of(installed), diff);
        }
    }

    private Uni<InstallationService.Installed> addProjects(UUID companyId, Installation existing, List<UUID> projects,
            Actor actor) {
        return projects.isEmpty() ? installations.current(companyId, existing.id)
                : permittedProjects.add(companyId, existing.id, projects, actor);
    }

    private Uni<Migrated> retire(LegacyServiceAccount a, InstallationService.Installed installed,
            MigrateCommand command, Actor actor) {
        Grant target = installed.installation().grants;
        GrantDiff diff = GrantDiff.between(a.grants,
                new Grant(target.companyPermissions(), target.projectPermissions(), List.of()));
        if (diff.addsAnything() && !Boolean.TRUE.equals(command.acceptAddedPermissions())) {
            // Thrown inside the transaction: the installation made above rolls back with it.
            throw ProblemException.of(409, "migration-adds-permissions", "The app needs more than the account had",
                    "Installing '" + installed.app().name + "' would grant what legacy service account " + a.id
                            + " did not have: " + String.join(", ", diff.additions())
                            + ". Review them and send acceptAddedPermissions: true to migrate anyway.");
        }
        a.status = LegacyAccountStatus.migrated;
        a.installationId = installed.installation().id;
        a.migratedAppId = installed.app().id;
        a.touched(actor.id(), now());
        return accounts.flush().call(() -> publish(AppsEvents.LEGACY_SERVICE_ACCOUNT_MIGRATED, a, actor,
                new LegacyServiceAccountMigrated(stateOf(a), installed.app().id, diff.changes())))
                .replaceWith(new Migrated(a, installed, diff));
    }

    private Uni<LegacyServiceAccount> find(UUID companyId, UUID accountId) {
        return accounts.findById(accountId).map(a -> {
            if (a == null || !a.companyId.equals(companyId)) {
                throw ProblemException.notFound("Legacy service account", accountId);
            }
            return a;
        });
    }

    private static void requireActive(LegacyServiceAccount a) {
        if (a.status != LegacyAccountStatus.active) {
            throw ProblemException.conflict("Legacy service account " + a.id + " is " + a.status
                    + (a.installationId != null ? " (to installation " + a.installationId + ")" : "")
                    + "; it can no longer be changed");
        }
    }

    private static void requireHighRiskAllowed(Company company, Grant grant, Boolean acknowledged) {
        InstallationService.requireHighRiskAllowed(company, grant, acknowledged, "These permissions include");
    }

    private <P> Uni<Void> publish(EventType<P> type, LegacyServiceAccount a, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, AppManagementService.NAME, a.companyId, actor, a.id.toString(),
                payload));
    }

    static LegacyServiceAccountState stateOf(LegacyServiceAccount a) {
        return new LegacyServiceAccountState(a.id, a.revision, a.companyId, a.name, a.userId, a.clientId,
                a.status.name(), a.grants.companyPermissions(), a.grants.projectPermissions(),
                List.copyOf(a.projectIds), a.installationId);
    }

    private static ProblemException duplicate(String name) {
        return ProblemException.conflict("A legacy service account named '" + name + "' already exists in this "
                + "company");
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
