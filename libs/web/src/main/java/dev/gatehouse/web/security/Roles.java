package dev.gatehouse.web.security;

/** The role names carried in the {@code roles} claim (docs/security.md). */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform_admin";
    public static final String COMPANY_ADMIN = "company_admin";
    public static final String COMPANY_MEMBER = "company_member";
    public static final String DEVELOPER = "developer";
    /**
     * An owner of the developer organization in {@code developer_org_id}: manages its members, besides developing.
     * Given live to people's tokens only (libs/revocation's people feed), never carried in a token.
     */
    public static final String DEVELOPER_ORG_OWNER = "developer_org_owner";
    /**
     * An app acting in one company through its installation: {@code sub} is the installation's app user,
     * {@code company_id} the company. What it may do follows that user's tool permissions, not a role.
     */
    public static final String APP = "app";
    /**
     * A legacy (traditional) service account acting in one company: {@code sub} is its directory user,
     * {@code company_id} the company. Deprecated, like the accounts; judged by that user's permissions, as apps are.
     */
    public static final String LEGACY_SERVICE_ACCOUNT = "legacy_service_account";
    /**
     * A company service account (token-service's, Itential's model) acting in one company: {@code sub} is its
     * directory user, {@code company_id} the company. Judged by that user's permissions, as apps are; its company's
     * admins give them ("Edit Permissions").
     */
    public static final String SERVICE_ACCOUNT = "service_account";
    /**
     * An app acting for a person who authorized it, in one company: {@code sub} is the person's account,
     * {@code client_id} the app, {@code act.sub} the installation's app user. It may do what both that app user and
     * the person may (docs/security.md, "Apps acting for people"); the person's company role is never given to it.
     */
    public static final String DELEGATED_APP = "delegated_app";

    private Roles() {
    }
}
