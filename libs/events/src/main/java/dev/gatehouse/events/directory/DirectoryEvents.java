package dev.gatehouse.events.directory;

import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;

import java.util.List;

/** Events published by directory-service. */
public final class DirectoryEvents {

    public static final String COMPANY = "Company";
    public static final String PROJECT = "Project";
    public static final String USER = "User";
    public static final String COMPANY_ROLE = "CompanyRole";

    public static final EventType<CompanyCreated> COMPANY_CREATED =
            new EventType<>("CompanyCreated", 1, Topics.DIRECTORY_COMPANY, COMPANY, CompanyCreated.class);
    public static final EventType<AdminPolicyChanged> ADMIN_POLICY_CHANGED =
            new EventType<>("AdminPolicyChanged", 1, Topics.DIRECTORY_COMPANY, COMPANY, AdminPolicyChanged.class);
    public static final EventType<ProjectCreated> PROJECT_CREATED =
            new EventType<>("ProjectCreated", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectCreated.class);
    public static final EventType<ProjectRenamed> PROJECT_RENAMED =
            new EventType<>("ProjectRenamed", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectRenamed.class);
    public static final EventType<ProjectArchived> PROJECT_ARCHIVED =
            new EventType<>("ProjectArchived", 1, Topics.DIRECTORY_PROJECT, PROJECT, ProjectArchived.class);

    public static final EventType<UserCreated> USER_CREATED = user("UserCreated", UserCreated.class);
    public static final EventType<UserUpdated> USER_UPDATED = user("UserUpdated", UserUpdated.class);
    public static final EventType<UserDeactivated> USER_DEACTIVATED = user("UserDeactivated", UserDeactivated.class);
    public static final EventType<UserReactivated> USER_REACTIVATED = user("UserReactivated", UserReactivated.class);
    public static final EventType<UserPermissionsChanged> USER_PERMISSIONS_CHANGED =
            user("UserPermissionsChanged", UserPermissionsChanged.class);
    public static final EventType<PersonInvited> PERSON_INVITED = user("PersonInvited", PersonInvited.class);
    public static final EventType<PersonLinked> PERSON_LINKED = user("PersonLinked", PersonLinked.class);
    /** On a compacted topic of its own, keyed by company and account ({@link CompanyRoleChanged#key}). */
    public static final EventType<CompanyRoleChanged> COMPANY_ROLE_CHANGED = new EventType<>("CompanyRoleChanged", 1,
            Topics.DIRECTORY_COMPANY_ROLE, COMPANY_ROLE, CompanyRoleChanged.class);
    /** Membership events are keyed by user, so one user's access changes stay in one order. */
    public static final EventType<ProjectMemberAdded> PROJECT_MEMBER_ADDED =
            user("ProjectMemberAdded", ProjectMemberAdded.class);
    public static final EventType<ProjectMemberUpdated> PROJECT_MEMBER_UPDATED =
            user("ProjectMemberUpdated", ProjectMemberUpdated.class);
    public static final EventType<ProjectMemberRemoved> PROJECT_MEMBER_REMOVED =
            user("ProjectMemberRemoved", ProjectMemberRemoved.class);

    public static final List<EventType<?>> ALL = List.of(COMPANY_CREATED, PROJECT_CREATED, PROJECT_RENAMED,
            PROJECT_ARCHIVED, USER_CREATED, USER_UPDATED, USER_DEACTIVATED, USER_REACTIVATED,
            USER_PERMISSIONS_CHANGED, PROJECT_MEMBER_ADDED, PROJECT_MEMBER_UPDATED, PROJECT_MEMBER_REMOVED,
            PERSON_INVITED, PERSON_LINKED, COMPANY_ROLE_CHANGED, ADMIN_POLICY_CHANGED);

    private DirectoryEvents() {
    }

    private static <P> EventType<P> user(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.DIRECTORY_USER, USER, payload);
    }
}
