package dev.gatehouse.console.developer;

import dev.gatehouse.console.api.ApiProblem;

import java.util.Map;

/**
 * What a developer organization's page shows besides the organization: what was just done, and which of its forms
 * was refused, as typed, with the service's problem next to that form.
 */
public record OrgPageState(String done, Map<String, Object> invite, ApiProblem inviteProblem,
        Map<String, Object> register, ApiProblem registerProblem, ApiProblem memberProblem) {

    private static final Map<String, Object> NO_INVITE = Map.of("name", "", "email", "", "role", "developer");
    private static final Map<String, Object> NO_REGISTER = Map.of("name", "", "description", "", "contactEmail", "",
            "kind", "marketplace", "owningCompanyId", "");

    static OrgPageState done(String done) {
        return new OrgPageState(done, NO_INVITE, null, NO_REGISTER, null, null);
    }

    static OrgPageState inviteRefused(Map<String, Object> typed, ApiProblem problem) {
        return new OrgPageState(null, typed, problem, NO_REGISTER, null, null);
    }

    static OrgPageState registerRefused(Map<String, Object> typed, ApiProblem problem) {
        return new OrgPageState(null, NO_INVITE, null, typed, problem, null);
    }

    /** A change to a member refused (the last owner stepping down or leaving). */
    static OrgPageState memberRefused(ApiProblem problem) {
        return new OrgPageState(null, NO_INVITE, null, NO_REGISTER, null, problem);
    }
}
