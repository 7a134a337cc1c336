package dev.gatehouse.token;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppInstalled;
import dev.gatehouse.events.apps.AppListing;
import dev.gatehouse.events.apps.AppManifest;
import dev.gatehouse.events.apps.AppRegistered;
import dev.gatehouse.events.apps.AppVersionPublished;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.InstallationState;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestTokens;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * An app as app-management announces it (over the real broker): registered by a developer organization, a version
 * published with redirect URIs, installed in a company; its developer adds a secret. For the tests of apps acting
 * for people.
 */
public final class InstalledApp {

    public static final Actor DEVELOPER = new Actor(Actor.USER, "developer-fixture");
    public static final String PUBLISHER = "Fixture Developers";

    public final UUID org = UUID.randomUUID();
    public final UUID appId = UUID.randomUUID();
    public final String clientId = "app_" + appId.toString().replace("-", "");
    public final UUID company = UUID.randomUUID();
    public final UUID installationId = UUID.randomUUID();
    public final UUID appUser = UUID.randomUUID();
    public final UUID project = UUID.randomUUID();
    public final String name = "Field Notes " + appId;
    private final String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    private int revision;
    private String secret;

    /** Registered, 1.0.0 published with {@code redirectUri}, a secret added (waits until token-service has both). */
    public static InstalledApp published(String redirectUri) {
        InstalledApp app = new InstalledApp();
        EventSender.send(app.bootstrap, Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_REGISTERED,
                "app-management-service", null, DEVELOPER, app.appId.toString(), new AppRegistered(app.appId,
                        app.org, app.name, "", app.clientId, "marketplace", null, AppListing.NONE, PUBLISHER)));
        app.publish("1.0.0", List.of("directory.read", "projects.read"), Map.of("projects", AccessLevel.READ_ONLY),
                redirectUri);
        String developer = TestTokens.developer(app.org).sign();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response r = given().auth().oauth2(developer).get("/clients/" + app.clientId);
            return r.statusCode() == 200 && r.<List<String>>path("redirectUris").contains(redirectUri);
        });
        app.secret = given().auth().oauth2(developer).noContentType().post("/clients/" + app.clientId + "/secrets")
                .then().statusCode(201).extract().path("clientSecret");
        return app;
    }

    public PersonSignIn.Client client() {
        return new PersonSignIn.Client(clientId, secret);
    }

    /** A version announced as published, with a justification for the projects tool. */
    public void publish(String version, List<String> scopes, Map<String, AccessLevel> companyLevels,
            String redirectUri) {
        AppManifest manifest = new AppManifest(companyLevels, Map.of(), scopes, List.of(redirectUri), null, null,
                Map.of("projects", "Shows the notes of your projects"));
        EventSender.send(bootstrap, Topics.APPS_APP, EventEnvelope.of(AppsEvents.APP_VERSION_PUBLISHED,
                "app-management-service", null, DEVELOPER, appId.toString(),
                new AppVersionPublished(appId, org, clientId, version, manifest)));
    }

    /** The installation's next state (the next revision), in {@link #company}. */
    public InstallationState state(String status, List<String> scopes, Map<String, AccessLevel> companyLevels) {
        revision++;
        return new InstallationState(installationId, revision, company, appId, name, clientId,
                scopes.size() > 2 ? "2.0.0" : "1.0.0", status, appUser, companyLevels, Map.of(), scopes, "selected",
                List.of(project), companyLevels.getOrDefault("directory", AccessLevel.NONE) == AccessLevel.ADMIN);
    }

    /** Installed, active, with 1.0.0's permissions. */
    public InstalledApp installed() {
        send(AppsEvents.APP_INSTALLED, new AppInstalled(state("active", List.of("directory.read", "projects.read"),
                Map.of("projects", AccessLevel.READ_ONLY))));
        return this;
    }

    public <P> void send(EventType<P> type, P payload) {
        EventSender.send(bootstrap, Topics.APPS_INSTALLATION, EventEnvelope.of(type, "app-management-service",
                company, new Actor(Actor.USER, "company-admin-fixture"), installationId.toString(), payload));
    }

    /** The directory's word that {@code account} has {@code role} in {@code in}. */
    public void role(UUID account, UUID in, String role) {
        EventSender.send(bootstrap, Topics.DIRECTORY_COMPANY_ROLE, EventEnvelope.of(
                DirectoryEvents.COMPANY_ROLE_CHANGED, "directory-service", in, Actor.system("directory-service"),
                CompanyRoleChanged.key(in, account), new CompanyRoleChanged(in, account, UUID.randomUUID(), role,
                        false)));
    }
}
