package dev.gatehouse.directory.user;

import dev.gatehouse.directory.DirectoryService;
import dev.gatehouse.directory.company.Company;
import dev.gatehouse.directory.company.CompanyService;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces a person's new role in their company whenever a change to their directory user changes it
 * ({@link DirectoryUser#companyRole()}), in the same transaction as the change. Every service reads these
 * ({@code directory.company-role.v1}) to judge people's tokens, so this is how taking an admin right away or
 * deactivating a person reaches them.
 */
@ApplicationScoped
public class CompanyRoles {

    private final OutboxWriter outbox;
    private final CompanyService companies;

    public CompanyRoles(OutboxWriter outbox, CompanyService companies) {
        this.outbox = outbox;
        this.companies = companies;
    }

    /** Publishes the user's role if it is not {@code before} any more. */
    public Uni<Void> announceIfChanged(DirectoryUser user, String before, Actor actor) {
        if (user.accountId == null || user.companyRole().equals(before)) {
            return Uni.createFrom().voidItem();
        }
        return companies.get(user.companyId).chain(company -> announce(user, company, actor));
    }

    /** Publishes the user's role as it is, with what the company asks of admins now. */
    public Uni<Void> announce(DirectoryUser user, Company company, Actor actor) {
        return outbox.append(EventEnvelope.of(DirectoryEvents.COMPANY_ROLE_CHANGED, DirectoryService.NAME,
                user.companyId, actor, CompanyRoleChanged.key(user.companyId, user.accountId),
                new CompanyRoleChanged(user.companyId, user.accountId, user.id, user.companyRole(),
                        company.requireSecondFactorForAdmins)));
    }
}
