package dev.gatehouse.console.session;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * token-service rotates refresh tokens and ends the grant when an earlier one comes back, so a session's refreshes
 * must run one after another, each with the refresh token the one before returned.
 */
class ConsoleSessionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void refreshesQueueAndEachUsesTheRefreshTokenTheOneBeforeReturned() {
        ConsoleSession session = new ConsoleSession(tokens("rt-0", Context.NONE));
        List<String> presented = new ArrayList<>();
        CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
        Context acme = Context.company(UUID.randomUUID());
        Context org = Context.developerOrg(UUID.randomUUID());

        Uni<TokenSet> first = session.refresh(acme, (current, ctx) -> {
            presented.add(current.refreshToken());
            return Uni.createFrom().completionStage(firstAnswer).replaceWith(tokens("rt-1", ctx));
        });
        Uni<TokenSet> second = session.refresh(org, (current, ctx) -> {
            presented.add(current.refreshToken());
            return Uni.createFrom().item(tokens("rt-2", ctx));
        });
        CompletableFuture<TokenSet> secondDone = second.subscribeAsCompletionStage().toCompletableFuture();
        CompletableFuture<TokenSet> firstDone = first.subscribeAsCompletionStage().toCompletableFuture();
        assertThat(presented).as("the second waits for the first").containsExactly("rt-0");
        assertThat(secondDone).isNotDone();

        firstAnswer.complete(null);
        assertThat(secondDone.join().context()).isEqualTo(org);
        assertThat(firstDone.join().context()).isEqualTo(acme);
        assertThat(presented).containsExactly("rt-0", "rt-1");
        assertThat(session.latest().refreshToken()).isEqualTo("rt-2");
        assertThat(session.forContext(acme).refreshToken()).isEqualTo("rt-1");
    }

    @Test
    void aRefreshAlreadyQueuedForTheSamePlaceIsShared() {
        ConsoleSession session = new ConsoleSession(tokens("rt-0", Context.NONE));
        List<String> presented = new ArrayList<>();
        CompletableFuture<Void> answer = new CompletableFuture<>();
        Context acme = Context.company(UUID.randomUUID());
        Uni<TokenSet> one = session.refresh(acme, (current, ctx) -> {
            presented.add(current.refreshToken());
            return Uni.createFrom().completionStage(answer).replaceWith(tokens("rt-1", ctx));
        });
        CompletableFuture<TokenSet> a = one.subscribeAsCompletionStage().toCompletableFuture();
        CompletableFuture<TokenSet> b = session.refresh(acme, (current, ctx) -> {
            presented.add("again");
            return Uni.createFrom().item(tokens("rt-x", ctx));
        }).subscribeAsCompletionStage().toCompletableFuture();
        answer.complete(null);
        assertThat(a.join()).isSameAs(b.join());
        assertThat(presented).containsExactly("rt-0");
    }

    @Test
    void aFailedRefreshFailsItsCallersAndTheNextOneStillRuns() {
        ConsoleSession session = new ConsoleSession(tokens("rt-0", Context.NONE));
        Context acme = Context.company(UUID.randomUUID());
        Uni<TokenSet> failing = session.refresh(acme,
                (current, ctx) -> Uni.createFrom().failure(new SignInEnded("over")));
        assertThatThrownBy(() -> failing.await().atMost(Duration.ofSeconds(5))).isInstanceOf(SignInEnded.class);
        TokenSet next = session.refresh(acme, (current, ctx) -> Uni.createFrom().item(tokens("rt-1", ctx)))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(next.refreshToken()).isEqualTo("rt-1");
    }

    private static TokenSet tokens(String refreshToken, Context context) {
        return new TokenSet("id", NOW.plusSeconds(600), "at-" + refreshToken, NOW.plusSeconds(600), refreshToken,
                context);
    }
}
