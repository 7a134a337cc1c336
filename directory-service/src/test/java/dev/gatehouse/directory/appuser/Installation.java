package dev.gatehouse.directory.appuser;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppUninstalled;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationDisabled;
import dev.gatehouse.events.apps.InstallationEnabled;
import dev.gatehouse.events.apps.InstallationProjectsChanged;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.apps.InstallationUpgraded;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An installation as app-management-service would publish it: each step bumps the revision and sends the event to
 * the real broker, so tests drive the directory exactly as production does.
 */
public final class Installation {

    public static final Actor ADMIN = new Actor(Actor.USER, "company-admin-fixture");

    public final UUID installationId = UUID.randomUUID();
    public final UUID appId = UUID.randomUUID();
    public final UUID appUserId = UUID.randomUUID();
    public final UUID companyId;
    private final String bootstrap;
    private String appName = "My DMSA Test App";
    private String version = "1.0.0";
    private String status = InstallationState.ACTIVE;
    private int revision;
    private Map<String, AccessLevel> companyPermissions = Map.of("directory", AccessLevel.READ_ONLY);
    private Map<String, AccessLevel> projectPermissions = Map.of("documents", AccessLevel.STANDARD);
    private List<UUID> projects = List.of();

    private Installation(String bootstrap, UUID companyId) {
        this.bootstrap = bootstrap;
        this.companyId = companyId;
    }

    public static Installation of(String bootstrap, UUID companyId) {
        return new Installation(bootstrap, companyId);
    }

    public Installation named(String name) {
        this.appName = name;
        return this;
    }

    public Installation companyPermissions(Map<String, AccessLevel> permissions) {
        this.companyPermissions = permissions;
        return this;
    }

    public Installation projectPermissions(Map<String, AccessLevel> permissions) {
        this.projectPermissions = permissions;
        return this;
    }

    public Installation projects(UUID... ids) {
        this.projects = List.of(ids);
        return this;
    }

    /** The state at the next revision, without sending anything. */
    public InstallationState next() {
        revision++;
        return new InstallationState(installationId, revision, companyId, appId, appName,
                "app_" + appId.toString().replace("-", ""), version, status, appUserId, companyPermissions,
                projectPermissions, List.of("directory.read"), "selected", new ArrayList<>(projects), false);
    }

    public EventEnvelope install() {
        status = InstallationState.ACTIVE;
        return send(AppsEvents.APP_INSTALLED, new AppInstalled(next()));
    }

    public EventEnvelope changeProjects(UUID... ids) {
        List<UUID> before = projects;
        projects(ids);
        return send(AppsEvents.INSTALLATION_PROJECTS_CHANGED, new InstallationProjectsChanged(next(),
                projects.stream().filter(p -> !before.contains(p)).toList(),
                before.stream().filter(p -> !projects.contains(p)).toList()));
    }

    public EventEnvelope upgrade(String to, Map<String, AccessLevel> company, Map<String, AccessLevel> project) {
        String from = version;
        version = to;
        companyPermissions = company;
        projectPermissions = project;
        return send(AppsEvents.INSTALLATION_UPGRADED, new InstallationUpgraded(next(), from));
    }

    public EventEnvelope disable() {
        status = InstallationState.DISABLED;
        return send(AppsEvents.INSTALLATION_DISABLED, new InstallationDisabled(next(), "paused by the admin"));
    }

    public EventEnvelope enable() {
        status = InstallationState.ACTIVE;
        return send(AppsEvents.INSTALLATION_ENABLED, new InstallationEnabled(next()));
    }

    public EventEnvelope uninstall() {
        status = InstallationState.UNINSTALLED;
        return send(AppsEvents.APP_UNINSTALLED, new AppUninstalled(next()));
    }

    public <P> EventEnvelope send(EventType<P> type, P payload) {
        EventEnvelope envelope = EventEnvelope.of(type, "app-management-service", companyId, ADMIN,
                installationId.toString(), payload);
        send(envelope);
        return envelope;
    }

    /** Sends an envelope as is (also to redeliver one). */
    public void send(EventEnvelope envelope) {
        EventSender.send(bootstrap, Topics.APPS_INSTALLATION, envelope);
    }
}
