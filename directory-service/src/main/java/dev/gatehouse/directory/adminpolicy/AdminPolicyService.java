package dev.gatehouse.directory.adminpolicy;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.Company;
import dev.gatehouse.directory.company.CompanyService;
import dev.gatehouse.directory.user.CompanyRoles;
import dev.gatehouse.directory.user.DirectoryUser;
import dev.gatehouse.directory.user.UserRepository;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.AdminPolicyChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Changes what a company asks of its admins and, in the same transaction, announces every linked admin's role again
 * with the new requirement, so every service applies it to their next call.
 */
@ApplicationScoped
public class AdminPolicyService {

    private final CompanyService companies;
    private final UserRepository users;
    private final CompanyRoles roles;
    private final OutboxWriter outbox;

    public AdminPolicyService(CompanyService companies, UserRepository users, CompanyRoles roles,
            OutboxWriter outbox) {
        this.companies = companies;
        this.users = users;
        this.roles = roles;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Company> change(UUID companyId, AdminPolicy policy, Actor actor) {
        return companies.get(companyId).chain(company -> {
            if (company.requireSecondFactorForAdmins == policy.requireSecondFactor()) {
                return Uni.createFrom().item(company);
            }
            company.requireSecondFactorForAdmins = policy.requireSecondFactor();
            return outbox.append(EventEnvelope.of(DirectoryEvents.ADMIN_POLICY_CHANGED, DirectoryService.NAME,
                            companyId, actor, companyId.toString(),
                            new AdminPolicyChanged(companyId, policy.requireSecondFactor())))
                    .chain(() -> users.linkedAdmins(companyId))
                    .chain(admins -> {
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (DirectoryUser admin : admins) {
                            all = all.chain(() -> roles.announce(admin, company, actor));
                        }
                        return all;
                    })
                    .replaceWith(company);
        });
    }
}
