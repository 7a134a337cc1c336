package dev.gatehouse.apps.binding;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import dev.gatehouse.web.problem.ProblemException;

import java.util.UUID;

/**
 * Who may put an app into a company, and how. A company app exists only for its own company (to anyone else it
 * is not there at all); a marketplace app follows the company's binding ({@link BindingState}).
 */
public final class InstallPolicy {

    /** How an installation comes about. */
    public enum Route {
        /** An admin installs directly. */
        DIRECT,
        /** A member asks; an admin approves. */
        REQUEST
    }

    private InstallPolicy() {
    }

    /**
     * Whether the company sees the app at all: a marketplace app once a platform admin approved its listing, a
     * company's own app in that company only.
     */
    public static boolean visible(App app, UUID companyId) {
        return app.kind == AppKind.marketplace ? app.listed() : companyId.equals(app.owningCompanyId);
    }

    public static boolean allows(BindingState state, Route route) {
        return state == BindingState.on || state == BindingState.allow && route == Route.REQUEST;
    }

    /** Refuses, with the reason and the way out, what the binding does not allow. */
    public static void require(App app, BindingState state, Route route) {
        if (allows(state, route)) {
            return;
        }
        if (state == BindingState.off) {
            throw ProblemException.of(409, "app-not-enabled", "App not enabled", "'" + app.name + "' is off for "
                    + "this company; an admin turns it on (or to allow) with PUT /companies/{companyId}/app-bindings/"
                    + app.id);
        }
        throw ProblemException.of(409, "install-request-required", "Install request required", "'" + app.name
                + "' is set to allow: it is installed by approving an install request "
                + "(POST /companies/{companyId}/install-requests)");
    }
}
