package dev.gatehouse.token.grant;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.events.directory.CompanyRoleChanged;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.TestInfrastructure;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import dev.gatehouse.people.PeopleFeed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One sign-in, several companies and developer organizations: a person's token names the company it acts in ({@code
 * company_id} or RFC 8707 {@code resource}, as for apps; or {@code developer_org_id}) at the code exchange or at any
 * refresh, and carries no company role: each service looks that up live. A company where the person is no one is
 * refused ({@code invalid_target}) without spending the code or the refresh token.
 */
@QuarkusTest
class PeopleActingInCompaniesTest {

    @Inject
    PeopleFeed feed;

    @Test
    void aPersonGetsATokenForEachCompanyTheyBelongToFromOneSignIn() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        UUID acme = UUID.randomUUID();
        UUID globex = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        role(acme, person.id(), "company_admin");
        role(globex, person.id(), "company_member");
        role(stranger, person.id(), "none");

        await().atMost(20, TimeUnit.SECONDS).until(() -> feed.companyRole(acme, person.id()).isPresent()
                && feed.companyRole(globex, person.id()).isPresent());

        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(new Browser(), client, pkce, person.email(), Accounts.PASSWORD);
        exchange(client, code, pkce, "company_id", stranger).then().statusCode(400)
                .body("error", equalTo("invalid_target"));
        exchange(client, code, pkce, "resource", "urn:gatehouse:company:not-a-company").then().statusCode(400)
                .body("error", equalTo("invalid_target"));
        // The refused exchanges rolled back: the code is still good, for a company the person belongs to.
        Response forAcme = exchange(client, code, pkce, "company_id", acme);
        forAcme.then().statusCode(200);
        JwtClaims acmeToken = claims(forAcme.path("access_token"));
        assertThat(acmeToken.getClaimValueAsString("company_id")).isEqualTo(acme.toString());
        assertThat(acmeToken.getStringListClaimValue("roles")).as("the role is looked up live, never carried")
                .isEmpty();

        Response forGlobex = refresh(client, forAcme.path("refresh_token"), "resource",
                "urn:gatehouse:company:" + globex);
        forGlobex.then().statusCode(200);
        assertThat(claims(forGlobex.path("access_token")).getClaimValueAsString("company_id"))
                .isEqualTo(globex.toString());
        refresh(client, forGlobex.path("refresh_token"), "company_id", stranger).then().statusCode(400)
                .body("error", equalTo("invalid_target"));
        Response noCompany = PersonSignIn.refresh(client, forGlobex.path("refresh_token"));
        noCompany.then().statusCode(200);
        assertThat(claims(noCompany.path("access_token")).hasClaim("company_id")).isFalse();
    }

    @Test
    void aDeveloperGetsATokenForTheirOrganizationAndNamesOnlyOnePlace() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        UUID org = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        EventSender.send(TestInfrastructure.get().kafka().bootstrapServers(), Topics.APPS_DEVELOPER_ROLE,
                EventEnvelope.of(AppsEvents.DEVELOPER_ROLE_CHANGED, "app-management-service", null,
                        Actor.system("app-management-service"), DeveloperRoleChanged.key(org, person.id()),
                        new DeveloperRoleChanged(org, person.id(), UUID.randomUUID(), "owner")));
        role(company, person.id(), "company_member");
        await().atMost(20, TimeUnit.SECONDS).until(() -> feed.developerRole(org, person.id()).isPresent()
                && feed.companyRole(company, person.id()).isPresent());

        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(new Browser(), client, pkce, person.email(), Accounts.PASSWORD);
        exchange(client, code, pkce, "developer_org_id", UUID.randomUUID()).then().statusCode(400)
                .body("error", equalTo("invalid_target"));
        Response forOrg = exchange(client, code, pkce, "resource", "urn:gatehouse:developer-org:" + org);
        forOrg.then().statusCode(200);
        JwtClaims token = claims(forOrg.path("access_token"));
        assertThat(token.getClaimValueAsString("developer_org_id")).isEqualTo(org.toString());
        assertThat(token.hasClaim("company_id")).isFalse();

        given().auth().preemptive().basic(client.clientId(), client.secret()).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", forOrg.<String>path("refresh_token"))
                .formParam("developer_org_id", org.toString()).formParam("company_id", company.toString())
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        Response forCompany = refresh(client, forOrg.path("refresh_token"), "company_id", company);
        forCompany.then().statusCode(200);
        assertThat(claims(forCompany.path("access_token")).hasClaim("developer_org_id")).isFalse();
    }

    private static void role(UUID company, UUID account, String role) {
        EventSender.send(TestInfrastructure.get().kafka().bootstrapServers(), Topics.DIRECTORY_COMPANY_ROLE,
                EventEnvelope.of(DirectoryEvents.COMPANY_ROLE_CHANGED, "directory-service", company,
                        Actor.system("directory-service"), CompanyRoleChanged.key(company, account),
                        new CompanyRoleChanged(company, account, UUID.randomUUID(), role, false)));
    }

    private static Response exchange(Client client, String code, Pkce pkce, String param, Object value) {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", PersonSignIn.REDIRECT_URI).formParam("code_verifier", pkce.verifier())
                .formParam(param, value.toString()).post("/oauth2/token");
    }

    private static Response refresh(Client client, String refreshToken, String param, Object value) {
        return given().auth().preemptive().basic(client.clientId(), client.secret())
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .formParam(param, value.toString()).post("/oauth2/token");
    }

    private static JwtClaims claims(String jwt) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(jwt);
    }
}
