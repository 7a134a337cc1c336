package dev.gatehouse.directory.user;

import dev.gatehouse.web.problem.ProblemException;

/**
 * The refusal for changing a managed user through the directory API: an installation's app user, a legacy
 * service account's user, or a company service account's user. The seed (Procore) only warns that such edits break
 * the app; we refuse, and say where the change belongs.
 */
public final class AppManaged {

    private AppManaged() {
    }

    /** Throws a 409 problem when {@code user} is managed by an installation or a (legacy) service account. */
    public static void refuseChangeTo(DirectoryUser user) {
        if (user.isApp()) {
            throw ProblemException.of(409, "app-managed", "Managed by an installation",
                    "User " + user.id + " (" + user.name + ") is the app user of installation " + user.installationId
                            + ". Its permissions, projects and status follow that installation; change the "
                            + "installation in app-management-service instead.");
        }
        if (user.isLegacy()) {
            throw ProblemException.of(409, "legacy-managed", "Managed by a legacy service account",
                    "User " + user.id + " (" + user.name + ") belongs to legacy service account "
                            + user.legacyAccountId + " (deprecated). Its permissions, projects and status follow that "
                            + "account: change it at /companies/" + user.companyId + "/legacy-service-accounts/"
                            + user.legacyAccountId + " in app-management-service, or migrate it to an app.");
        }
        if (user.isServiceAccount()) {
            throw ProblemException.of(409, "service-account-managed", "Managed by a service account",
                    "User " + user.id + " (" + user.name + ") belongs to service account " + user.serviceClientId
                            + ". Its permissions, projects and status follow that account: change them at "
                            + "/companies/" + user.companyId + "/service-accounts/" + user.serviceClientId
                            + " in token-service (PUT …/permissions to edit its permissions).");
        }
    }
}
