package dev.gatehouse.events;

import java.util.List;

/** Kafka topic names, {@code <owner>.<aggregate>.v<major>}. A breaking change to a topic's events is a new topic. */
public final class Topics {

    public static final String DIRECTORY_COMPANY = "directory.company.v1";
    public static final String DIRECTORY_PROJECT = "directory.project.v1";
    public static final String DIRECTORY_USER = "directory.user.v1";
    /**
     * People's roles in companies, compacted (the newest record per company and account is kept): every service reads
     * it whole at start, so it must hold roles, not history.
     */
    public static final String DIRECTORY_COMPANY_ROLE = "directory.company-role.v1";

    public static final String APPS_DEVELOPER_ORG = "apps.developer-org.v1";
    /** People's roles in developer organizations, compacted like {@link #DIRECTORY_COMPANY_ROLE}. */
    public static final String APPS_DEVELOPER_ROLE = "apps.developer-role.v1";
    public static final String APPS_APP = "apps.app.v1";
    public static final String APPS_INSTALLATION = "apps.installation.v1";
    public static final String APPS_REQUEST = "apps.request.v1";
    public static final String APPS_COMPANY_SETTINGS = "apps.company-settings.v1";
    public static final String APPS_LEGACY_SERVICE_ACCOUNT = "apps.legacy-service-account.v1";

    public static final String TOKEN_CLIENT = "token.client.v1";
    public static final String TOKEN_TOKEN = "token.token.v1";
    /**
     * Revocations only, apart from the busy {@link #TOKEN_TOKEN}: every resource server reads this topic from a
     * day back at each start, which must not mean reading every issued token.
     */
    public static final String TOKEN_REVOCATION = "token.revocation.v1";
    public static final String TOKEN_ACCOUNT = "token.account.v1";
    /**
     * API calls every service answered, counted per interval: owned by the metrics context (audit-metrics-service's
     * usage reports, issue 14), written by every service. The audit trail's subscription leaves it out.
     */
    public static final String AUDIT_USAGE = "audit.usage.v1";

    /** Every topic a Gatehouse service produces to. */
    public static final List<String> ALL = List.of(DIRECTORY_COMPANY, DIRECTORY_PROJECT, DIRECTORY_USER,
            DIRECTORY_COMPANY_ROLE,
            APPS_DEVELOPER_ORG, APPS_DEVELOPER_ROLE, APPS_APP, APPS_INSTALLATION, APPS_REQUEST, APPS_COMPANY_SETTINGS,
            APPS_LEGACY_SERVICE_ACCOUNT,
            TOKEN_CLIENT, TOKEN_TOKEN, TOKEN_REVOCATION, TOKEN_ACCOUNT, AUDIT_USAGE);

    /** Topics that keep only the newest record per key ({@code cleanup.policy=compact}). */
    public static final List<String> COMPACTED = List.of(DIRECTORY_COMPANY_ROLE, APPS_DEVELOPER_ROLE);

    private Topics() {
    }
}
