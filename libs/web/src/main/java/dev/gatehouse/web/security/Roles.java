package dev.gatehouse.web.security;

/** The role names carried in the {@code roles} claim (docs/security.md). */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform_admin";
    public static final String COMPANY_ADMIN = "company_admin";
    public static final String COMPANY_MEMBER = "company_member";
    public static final String DEVELOPER = "developer";

    private Roles() {
    }
}
