package dev.gatehouse.token.invitation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperInvited;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.PersonInvited;
import dev.gatehouse.events.token.InvitationAccepted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.testsupport.EventProbe;
import dev.gatehouse.testsupport.EventSender;
import dev.gatehouse.testsupport.MailServer;
import dev.gatehouse.testsupport.TestInfrastructure;
import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How people arrive: directory-service asks for an invitation ({@code PersonInvited}), token-service e-mails a
 * one-time link over real SMTP (GreenMail), and the link's page lets the invitee set a password, or sign in with
 * the account they have, and join. Every other state of a link gets a page that says what to do.
 */
@QuarkusTest
class InvitationFlowTest {

    private final MailServer mail = TestInfrastructure.get().mail();
    private final String kafka = TestInfrastructure.get().kafka().bootstrapServers();

    @Test
    void aNewPersonSetsAPasswordThroughTheLinkIsSignedInAndTheDirectoryHearsOfIt() {
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String email = "new-" + UUID.randomUUID() + "@example.com";
        try (EventProbe probe = EventProbe.on(kafka, Topics.TOKEN_ACCOUNT)) {
            invite(company, user, email);
            String link = linkTo(email, 1);
            assertThat(PersonSignIn.local(link)).startsWith("/invitations/accept?token=ghi_");
            assertThat(MailServer.text(mail.to(email).get(0))).contains("Acme Works invited you")
                    .contains("works once");

            Browser browser = new Browser();
            Response page = browser.get(PersonSignIn.local(link));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("Join Acme Works").contains(email)
                    .contains("Choose a password").contains("autocomplete=\"new-password\"");
            assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");

            Response weak = accept(browser, link, page, "password1234", "password1234");
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.asString()).contains("This password cannot be used");
            Response differ = accept(browser, link, weak, "a long uncommon passphrase", "another long phrase");
            assertThat(differ.statusCode()).isEqualTo(400);
            assertThat(differ.asString()).contains("not the same");
            Response forged = browser.post("/invitations/accept", Map.of("token", token(link), "csrf_token", "x",
                    "password", "a long uncommon passphrase", "password_again", "a long uncommon passphrase"));
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.asString()).contains("This form expired");

            Response joined = accept(browser, link, forged, "a long uncommon passphrase",
                    "a long uncommon passphrase");
            assertThat(joined.statusCode()).as(joined.asString()).isEqualTo(200);
            assertThat(joined.asString()).contains("You joined Acme Works").contains(email);
            assertThat(browser.cookie("gatehouse_session")).as("signed in").isNotNull();

            EventEnvelope accepted = probe.await(e -> e.eventType().equals("InvitationAccepted")
                    && e.payloadAs(TokenEvents.INVITATION_ACCEPTED).memberId().equals(user), 1,
                    Duration.ofSeconds(20)).get(0);
            InvitationAccepted payload = accepted.payloadAs(TokenEvents.INVITATION_ACCEPTED);
            assertThat(payload.kind()).isEqualTo("company");
            assertThat(payload.scopeId()).isEqualTo(company);
            assertThat(payload.memberId()).isEqualTo(user);
            assertThat(probe.records()).as("the link is in the e-mail only")
                    .noneMatch(r -> r.value().contains(token(link)));

            // The account is real: the person signs in to an application with the password they chose.
            PersonSignIn.Client client = PersonSignIn.firstPartyClient();
            PersonSignIn.Pkce pkce = PersonSignIn.Pkce.fresh();
            String code = PersonSignIn.code(new Browser(), client, pkce, email, "a long uncommon passphrase");
            PersonSignIn.exchange(client, code, pkce).then().statusCode(200);

            Response again = new Browser().get(PersonSignIn.local(link));
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.asString()).contains("already accepted");
        }
    }

    @Test
    void aPersonWithAnAccountSignsInToJoinAndANewerInvitationReplacesTheOlderLink() {
        Accounts.Person person = Accounts.create();
        UUID company = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        invite(company, user, person.email());
        String older = linkTo(person.email(), 1);
        invite(company, user, person.email());
        String newer = linkTo(person.email(), 2);

        Response replaced = new Browser().get(PersonSignIn.local(older));
        assertThat(replaced.statusCode()).isEqualTo(410);
        assertThat(replaced.asString()).contains("newer invitation");

        Browser browser = new Browser();
        Response page = browser.get(PersonSignIn.local(newer));
        assertThat(page.asString()).contains("Sign in with your Gatehouse password")
                .contains("autocomplete=\"current-password\"");
        Response wrong = accept(browser, newer, page, "not the password at all", null);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.asString()).contains("The password is not right");
        Response joined = accept(browser, newer, wrong, Accounts.PASSWORD, null);
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(joined.asString()).contains("You joined Acme Works");
    }

    @Test
    void expiredUnknownAndDisabledLinksGetPagesThatSayWhatToDo() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        invite(UUID.randomUUID(), UUID.randomUUID(), email);
        String link = linkTo(email, 1);
        try (Connection c = TestInfrastructure.get().postgres().adminConnection();
             PreparedStatement expire = c.prepareStatement(
                     "update token.invitation set expires_at = now() - interval '1 minute' where email = ?")) {
            expire.setString(1, email);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        Response expired = new Browser().get(PersonSignIn.local(link));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.asString()).contains("expired").contains("invite you again");

        for (String bad : List.of("/invitations/accept", "/invitations/accept?token=ghi_nope",
                "/invitations/accept?token=%ff%fe", "/invitations/accept?token=" + "x".repeat(2000))) {
            Response r = new Browser().get(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.asString()).contains("not valid");
        }

        Response nul = new Browser().get("/invitations/accept?token=%00");
        assertThat(nul.statusCode()).as("a NUL in a URL is refused before any page").isEqualTo(400);

        Accounts.Person disabled = Accounts.create();
        try (Connection c = TestInfrastructure.get().postgres().adminConnection();
             PreparedStatement off = c.prepareStatement("update token.account set status = 'disabled' where id = ?")) {
            off.setObject(1, disabled.id());
            off.executeUpdate();
        }
        invite(UUID.randomUUID(), UUID.randomUUID(), disabled.email());
        Response refused = new Browser().get(PersonSignIn.local(linkTo(disabled.email(), 1)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("disabled");
    }

    @Test
    void anOrganizationInvitesADeveloperTheSameWay() {
        UUID org = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        String email = "dev-" + UUID.randomUUID() + "@example.com";
        try (EventProbe probe = EventProbe.on(kafka, Topics.TOKEN_ACCOUNT)) {
            EventSender.send(kafka, Topics.APPS_DEVELOPER_ORG, EventEnvelope.of(AppsEvents.DEVELOPER_INVITED,
                    "app-management-service", null, new Actor(Actor.USER, "owner-1"), org.toString(),
                    new DeveloperInvited(member, org, "Field Apps Ltd", "Linus", email, "developer")));
            String link = linkTo(email, 1);
            assertThat(MailServer.text(mail.to(email).get(0)))
                    .contains("Field Apps Ltd invited you to develop its apps");
            Browser browser = new Browser();
            Response page = browser.get(PersonSignIn.local(link));
            assertThat(page.asString()).contains("Join Field Apps Ltd");
            Response joined = accept(browser, link, page, "a long uncommon passphrase", "a long uncommon passphrase");
            assertThat(joined.statusCode()).isEqualTo(200);
            InvitationAccepted accepted = probe.await(e -> e.eventType().equals("InvitationAccepted")
                    && e.payloadAs(TokenEvents.INVITATION_ACCEPTED).memberId().equals(member), 1,
                    Duration.ofSeconds(20)).get(0).payloadAs(TokenEvents.INVITATION_ACCEPTED);
            assertThat(accepted.kind()).isEqualTo("developer_org");
            assertThat(accepted.scopeId()).isEqualTo(org);
        }
    }

    private void invite(UUID company, UUID user, String email) {
        EventSender.send(kafka, Topics.DIRECTORY_USER, EventEnvelope.of(DirectoryEvents.PERSON_INVITED,
                "directory-service", company, new Actor(Actor.USER, "admin-1"), user.toString(),
                new PersonInvited(user, company, "Acme Works", "Ada Lovelace", email)));
    }

    private String linkTo(String email, int count) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> mail.to(email).size() >= count);
        return mail.newestLinkTo(email).orElseThrow();
    }

    private static String token(String link) {
        return PersonSignIn.query(link).get("token");
    }

    private static Response accept(Browser browser, String link, Response formPage, String password, String again) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("token", token(link), "password", password,
                "csrf_token", PersonSignIn.csrf(formPage.asString())));
        if (again != null) {
            form.put("password_again", again);
        }
        return browser.post("/invitations/accept", form);
    }
}
