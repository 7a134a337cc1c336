package dev.gatehouse.console.session;

import java.util.UUID;

/**
 * Where a person's access token acts (docs/security.md, "How a token names its company"): in one company, in one
 * developer organization, or in neither (their account, the lists of where they may act, platform administration).
 * token-service names it at a refresh with {@code company_id} or {@code developer_org_id}.
 */
public record Context(Kind kind, UUID id) {

    public static final Context NONE = new Context(Kind.NONE, null);

    /** The three places a person's token can act in. */
    public enum Kind { NONE, COMPANY, DEVELOPER_ORG }

    public static Context company(UUID companyId) {
        return new Context(Kind.COMPANY, companyId);
    }

    public static Context developerOrg(UUID developerOrgId) {
        return new Context(Kind.DEVELOPER_ORG, developerOrgId);
    }

    /** The token request parameter that names this context, or {@code null} for {@link #NONE}. */
    String parameter() {
        return switch (kind) {
            case NONE -> null;
            case COMPANY -> "company_id";
            case DEVELOPER_ORG -> "developer_org_id";
        };
    }
}
