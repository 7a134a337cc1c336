package dev.gatehouse.token.grant;

import dev.gatehouse.token.Accounts;
import dev.gatehouse.token.PersonSignIn;
import dev.gatehouse.token.PersonSignIn.Browser;
import dev.gatehouse.token.PersonSignIn.Client;
import dev.gatehouse.token.PersonSignIn.Pkce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refreshes and code exchanges that arrive together share one transaction ({@link RefreshBatch},
 * {@link ExchangeBatch}); the rules are the same as one by one: every grant rotates once per use, a token or code
 * presented several times at once is used once, and the rest are reuse or replay, which ends the grant.
 */
@QuarkusTest
class GrantBatchesTest {

    @Test
    void concurrentRefreshesOfManyGrantsEachRotateOnce() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        Browser browser = new Browser();
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Pkce pkce = Pkce.fresh();
            refreshTokens.add(PersonSignIn.exchange(client, PersonSignIn.code(browser, client, pkce, person.email(),
                    Accounts.PASSWORD), pkce).path("refresh_token"));
        }
        List<Response> answers = all(refreshTokens.stream().<Callable<Response>>map(token ->
                () -> PersonSignIn.refresh(client, token)).toList());
        Set<String> successors = new HashSet<>();
        for (Response r : answers) {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            successors.add(r.path("refresh_token"));
        }
        assertThat(successors).hasSize(30).doesNotContainAnyElementsOf(refreshTokens);
        for (String successor : successors) {
            PersonSignIn.refresh(client, successor).then().statusCode(200);
        }
    }

    @Test
    void oneTokenPresentedManyTimesAtOnceIsUsedOnceAndTheGrantEnds() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        Pkce pkce = Pkce.fresh();
        String token = PersonSignIn.exchange(client, PersonSignIn.code(new Browser(), client, pkce, person.email(),
                Accounts.PASSWORD), pkce).path("refresh_token");

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> PersonSignIn.refresh(client, token));
        }
        List<Response> answers = all(calls);
        List<Response> granted = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(granted).as("used once").hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(r.<String>path("error")).isEqualTo("invalid_grant"));
        PersonSignIn.refresh(client, granted.get(0).path("refresh_token")).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    @Test
    void manyCodesAtOnceAreEachExchangedAndOneCodeSentManyTimesAtOnceGivesOnceThenEndsItsGrant() throws Exception {
        Client client = PersonSignIn.firstPartyClient();
        Accounts.Person person = Accounts.create();
        Browser browser = new Browser();
        List<Callable<Response>> exchanges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Pkce pkce = Pkce.fresh();
            String code = PersonSignIn.code(browser, client, pkce, person.email(), Accounts.PASSWORD);
            exchanges.add(() -> PersonSignIn.exchange(client, code, pkce));
        }
        assertThat(all(exchanges)).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));

        Pkce pkce = Pkce.fresh();
        String code = PersonSignIn.code(browser, client, pkce, person.email(), Accounts.PASSWORD);
        List<Callable<Response>> replays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            replays.add(() -> PersonSignIn.exchange(client, code, pkce));
        }
        List<Response> answers = all(replays);
        List<Response> granted = answers.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(granted).as("exchanged once").hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 200)
                .allSatisfy(r -> assertThat(r.<String>path("error")).isEqualTo("invalid_grant"));
        PersonSignIn.refresh(client, granted.get(0).path("refresh_token")).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
    }

    private static List<Response> all(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Response>> futures = pool.invokeAll(calls);
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
