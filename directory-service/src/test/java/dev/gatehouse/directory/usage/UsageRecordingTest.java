package dev.gatehouse.directory.usage;

import dev.gatehouse.directory.appuser.Installation;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.TestTokens;
import dev.gatehouse.usage.UsageFlush;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gatehouse.directory.DirectoryApi.createCompany;
import static dev.gatehouse.directory.DirectoryApi.createProject;
import static dev.gatehouse.directory.DirectoryApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage recording (libs/usage, issue 14): each call answered for a non-platform token is counted in memory under its
 * caller, route template, project, status and minute, and a flush publishes the counts as one ApiUsageRecorded
 * event through the outbox to the real broker; platform admins' calls and calls without a token are not counted.
 * The shutdown observer flushes what is left.
 */
@QuarkusTest
class UsageRecordingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    UsageFlush flush;

    @Test
    void callsAreCountedPerCallerRouteProjectAndStatusAndPublishedAsOneEvent() throws Throwable {
        UUID company = createCompany(unique("Usage"));
        UUID project = createProject(company, unique("Counted"));
        UUID other = createProject(company, unique("Not permitted"));
        Installation app = Installation.of(bootstrap, company).companyPermissions(Map.of("projects",
                AccessLevel.READ_ONLY)).projects(project);
        app.install();
        // Until the installation's app user is there; with a token of its own client, so its calls stay apart.
        String first = TestTokens.app(company, app.appUserId).sign();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(first)
                .get("/companies/" + company + "/projects/" + project).then().statusCode(200));
        String token = TestTokens.app(company, app.appUserId).sign();
        String clientId = TestTokens.claimOf(token, "client_id");
        // Out with what earlier tests counted (a busy interval is published as several events), so the flush below
        // carries only this test's calls, in one event.
        VertxContextSupport.subscribeAndAwait(flush::flush);

        try (EventProbe probe = EventProbe.on(bootstrap, Topics.AUDIT_USAGE)) {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).get("/companies/" + company + "/projects/" + project).then()
                        .statusCode(200);
            }
            given().auth().oauth2(token).get("/companies/" + company + "/projects/" + other).then().statusCode(403);
            // Not counted: a platform admin's call and a call without a token (the same fresh project, so any row
            // for it with these statuses could only come from them).
            given().auth().oauth2(TestTokens.platformAdmin().sign()).get("/companies/" + company + "/projects/"
                    + other).then().statusCode(200);
            given().get("/companies/" + company + "/projects/" + other).then().statusCode(401);
            // What a graceful shutdown does: the counts go out before the service stops.
            flush.onStop(new ShutdownEvent());

            List<ApiUsageRecorded.Calls> all = probe.await(e -> e.eventType().equals("ApiUsageRecorded")
                            && payload(e).calls().stream().anyMatch(c -> clientId.equals(c.clientId())), 1,
                    Duration.ofSeconds(20)).stream().flatMap(e -> payload(e).calls().stream()).toList();
            assertThat(all).noneMatch(c -> other.equals(c.projectId()) && (c.status() == 200 || c.status() == 401));
            List<ApiUsageRecorded.Calls> calls = all.stream().filter(c -> clientId.equals(c.clientId())).toList();
            // One row per minute: the calls may straddle a minute's end.
            assertThat(calls).allSatisfy(c -> {
                assertThat(c.route()).isEqualTo("/companies/{companyId}/projects/{projectId}");
                assertThat(c.method()).isEqualTo("GET");
                assertThat(c.companyId()).isEqualTo(company);
                assertThat(c.accountId()).as("an app's own token is no person's").isNull();
                assertThat(c.minute().getEpochSecond() % 60).isZero();
            });
            assertThat(calls.stream().filter(c -> c.status() == 200).mapToInt(ApiUsageRecorded.Calls::count).sum())
                    .isEqualTo(3);
            assertThat(calls.stream().filter(c -> c.status() == 200)).allMatch(c -> project.equals(c.projectId()));
            assertThat(calls.stream().filter(c -> c.status() == 403).toList()).singleElement()
                    .satisfies(c -> {
                        assertThat(c.count()).isEqualTo(1);
                        assertThat(c.projectId()).isEqualTo(other);
                    });
            assertThat(calls).allMatch(c -> c.status() == 200 || c.status() == 403);
        }
    }

    private static ApiUsageRecorded payload(EventEnvelope e) {
        return e.payloadAs(UsageEvents.API_USAGE_RECORDED);
    }
}
