package dev.gatehouse.events.apps;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Events published by app-management-service. Installation events all carry the installation's whole state and
 * are keyed by installation, so consumers see one installation's changes in order and can apply each alone.
 */
public final class AppsEvents {

    public static final String INSTALLATION = "Installation";
    public static final String DEVELOPER_ORG = "DeveloperOrg";
    public static final String APP = "App";
    public static final String UPGRADE_REQUEST = "UpgradeRequest";
    public static final String INSTALL_REQUEST = "InstallRequest";
    public static final String COMPANY_SETTINGS = "CompanyAppSettings";
    public static final String LEGACY_SERVICE_ACCOUNT = "LegacyServiceAccount";

    public static final EventType<DeveloperOrgCreated> DEVELOPER_ORG_CREATED = new EventType<>(
            "DeveloperOrgCreated", 1, Topics.APPS_DEVELOPER_ORG, DEVELOPER_ORG, DeveloperOrgCreated.class);
    /** Members' events are keyed by organization, so one organization's member changes stay in one order. */
    public static final EventType<DeveloperInvited> DEVELOPER_INVITED = new EventType<>(
            "DeveloperInvited", 1, Topics.APPS_DEVELOPER_ORG, DEVELOPER_ORG, DeveloperInvited.class);
    public static final EventType<DeveloperMemberChanged> DEVELOPER_MEMBER_CHANGED = new EventType<>(
            "DeveloperMemberChanged", 1, Topics.APPS_DEVELOPER_ORG, DEVELOPER_ORG, DeveloperMemberChanged.class);
    /** On a compacted topic of its own, keyed by organization and account ({@link DeveloperRoleChanged#key}). */
    public static final EventType<DeveloperRoleChanged> DEVELOPER_ROLE_CHANGED = new EventType<>(
            "DeveloperRoleChanged", 1, Topics.APPS_DEVELOPER_ROLE, "DeveloperRole", DeveloperRoleChanged.class);
    public static final EventType<AppRegistered> APP_REGISTERED = app("AppRegistered", AppRegistered.class);
    public static final EventType<AppUpdated> APP_UPDATED = app("AppUpdated", AppUpdated.class);
    public static final EventType<AppVersionPublished> APP_VERSION_PUBLISHED =
            app("AppVersionPublished", AppVersionPublished.class);
    public static final EventType<AppListingReviewed> APP_LISTING_REVIEWED =
            app("AppListingReviewed", AppListingReviewed.class);
    public static final EventType<AppBindingChanged> APP_BINDING_CHANGED =
            app("AppBindingChanged", AppBindingChanged.class);

    public static final EventType<UpgradeRequested> UPGRADE_REQUESTED = new EventType<>("UpgradeRequested", 1,
            Topics.APPS_REQUEST, UPGRADE_REQUEST, UpgradeRequested.class);
    public static final EventType<UpgradeRequestDecided> UPGRADE_REQUEST_DECIDED = new EventType<>(
            "UpgradeRequestDecided", 1, Topics.APPS_REQUEST, UPGRADE_REQUEST, UpgradeRequestDecided.class);
    public static final EventType<InstallRequested> INSTALL_REQUESTED = new EventType<>("InstallRequested", 1,
            Topics.APPS_REQUEST, INSTALL_REQUEST, InstallRequested.class);
    public static final EventType<InstallRequestDecided> INSTALL_REQUEST_DECIDED = new EventType<>(
            "InstallRequestDecided", 1, Topics.APPS_REQUEST, INSTALL_REQUEST, InstallRequestDecided.class);
    public static final EventType<AppSettingsChanged> APP_SETTINGS_CHANGED = new EventType<>("AppSettingsChanged",
            1, Topics.APPS_COMPANY_SETTINGS, COMPANY_SETTINGS, AppSettingsChanged.class);

    public static final EventType<AppInstalled> APP_INSTALLED = installation("AppInstalled", AppInstalled.class);
    public static final EventType<InstallationProjectsChanged> INSTALLATION_PROJECTS_CHANGED =
            installation("InstallationProjectsChanged", InstallationProjectsChanged.class);
    public static final EventType<InstallationPermissionsChanged> INSTALLATION_PERMISSIONS_CHANGED =
            installation("InstallationPermissionsChanged", InstallationPermissionsChanged.class);
    public static final EventType<InstallationUpgraded> INSTALLATION_UPGRADED =
            installation("InstallationUpgraded", InstallationUpgraded.class);
    public static final EventType<InstallationDisabled> INSTALLATION_DISABLED =
            installation("InstallationDisabled", InstallationDisabled.class);
    public static final EventType<InstallationEnabled> INSTALLATION_ENABLED =
            installation("InstallationEnabled", InstallationEnabled.class);
    public static final EventType<AppUninstalled> APP_UNINSTALLED =
            installation("AppUninstalled", AppUninstalled.class);
    public static final EventType<InstallationSuspended> INSTALLATION_SUSPENDED =
            installation("InstallationSuspended", InstallationSuspended.class);
    public static final EventType<InstallationResumed> INSTALLATION_RESUMED =
            installation("InstallationResumed", InstallationResumed.class);

    public static final EventType<LegacyServiceAccountCreated> LEGACY_SERVICE_ACCOUNT_CREATED =
            legacy("LegacyServiceAccountCreated", LegacyServiceAccountCreated.class);
    public static final EventType<LegacyServiceAccountChanged> LEGACY_SERVICE_ACCOUNT_CHANGED =
            legacy("LegacyServiceAccountChanged", LegacyServiceAccountChanged.class);
    public static final EventType<LegacyServiceAccountMigrated> LEGACY_SERVICE_ACCOUNT_MIGRATED =
            legacy("LegacyServiceAccountMigrated", LegacyServiceAccountMigrated.class);
    public static final EventType<LegacyServiceAccountDeleted> LEGACY_SERVICE_ACCOUNT_DELETED =
            legacy("LegacyServiceAccountDeleted", LegacyServiceAccountDeleted.class);

    /** Every installation event, with how to read the state it carries. */
    public static final List<StateCarrying<?, InstallationState>> INSTALLATION_EVENTS = List.of(
            new StateCarrying<>(APP_INSTALLED, AppInstalled::installation),
            new StateCarrying<>(INSTALLATION_PROJECTS_CHANGED, InstallationProjectsChanged::installation),
            new StateCarrying<>(INSTALLATION_PERMISSIONS_CHANGED, InstallationPermissionsChanged::installation),
            new StateCarrying<>(INSTALLATION_UPGRADED, InstallationUpgraded::installation),
            new StateCarrying<>(INSTALLATION_DISABLED, InstallationDisabled::installation),
            new StateCarrying<>(INSTALLATION_ENABLED, InstallationEnabled::installation),
            new StateCarrying<>(APP_UNINSTALLED, AppUninstalled::installation),
            new StateCarrying<>(INSTALLATION_SUSPENDED, InstallationSuspended::installation),
            new StateCarrying<>(INSTALLATION_RESUMED, InstallationResumed::installation));

    /** Every legacy service account event, with how to read the state it carries. */
    public static final List<StateCarrying<?, LegacyServiceAccountState>> LEGACY_SERVICE_ACCOUNT_EVENTS = List.of(
            new StateCarrying<>(LEGACY_SERVICE_ACCOUNT_CREATED, LegacyServiceAccountCreated::account),
            new StateCarrying<>(LEGACY_SERVICE_ACCOUNT_CHANGED, LegacyServiceAccountChanged::account),
            new StateCarrying<>(LEGACY_SERVICE_ACCOUNT_MIGRATED, LegacyServiceAccountMigrated::account),
            new StateCarrying<>(LEGACY_SERVICE_ACCOUNT_DELETED, LegacyServiceAccountDeleted::account));

    public static final List<EventType<?>> ALL = Stream.concat(
            Stream.of(DEVELOPER_ORG_CREATED, DEVELOPER_INVITED, DEVELOPER_MEMBER_CHANGED, DEVELOPER_ROLE_CHANGED,
                    APP_REGISTERED, APP_UPDATED, APP_VERSION_PUBLISHED, APP_LISTING_REVIEWED,
                    APP_BINDING_CHANGED, UPGRADE_REQUESTED, UPGRADE_REQUEST_DECIDED, INSTALL_REQUESTED,
                    INSTALL_REQUEST_DECIDED, APP_SETTINGS_CHANGED),
            Stream.concat(INSTALLATION_EVENTS.stream(), LEGACY_SERVICE_ACCOUNT_EVENTS.stream())
                    .map(StateCarrying::type)).toList();

    /**
     * The installation state an event carries, or empty if it is not an installation event.
     *
     * @throws dev.gatehouse.events.MalformedEventException if its payload does not match its type
     */
    public static Optional<InstallationState> installationStateOf(EventEnvelope envelope) {
        return stateOf(INSTALLATION_EVENTS, envelope);
    }

    /**
     * The legacy service account state an event carries, or empty if it is not a legacy service account event.
     *
     * @throws dev.gatehouse.events.MalformedEventException if its payload does not match its type
     */
    public static Optional<LegacyServiceAccountState> legacyServiceAccountStateOf(EventEnvelope envelope) {
        return stateOf(LEGACY_SERVICE_ACCOUNT_EVENTS, envelope);
    }

    private static <S> Optional<S> stateOf(List<StateCarrying<?, S>> kinds, EventEnvelope envelope) {
        return kinds.stream().filter(k -> k.type().name().equals(envelope.eventType())).findFirst()
                .map(k -> k.stateOf(envelope));
    }

    /** An event type whose payload carries an aggregate's whole state, and the accessor for that state. */
    public record StateCarrying<P, S>(EventType<P> type, Function<P, S> state) {

        public S stateOf(EventEnvelope envelope) {
            return state.apply(envelope.payloadAs(type));
        }
    }

    private AppsEvents() {
    }

    private static <P> EventType<P> app(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.APPS_APP, APP, payload);
    }

    private static <P> EventType<P> legacy(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.APPS_LEGACY_SERVICE_ACCOUNT, LEGACY_SERVICE_ACCOUNT, payload);
    }

    private static <P> EventType<P> installation(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.APPS_INSTALLATION, INSTALLATION, payload);
    }
}
