package dev.gatehouse.token.accountadmin;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.AccountProfileChanged;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.accountadmin.AccountViews.AccountView;
import dev.gatehouse.web.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A person changes their own profile ({@code PATCH /me}): the name Gatehouse shows and puts in their ID tokens'
 * {@code name} claim (OIDC Core §5.1). The change and its {@code AccountProfileChanged} commit together; the event
 * names the field, never its value.
 */
@ApplicationScoped
public class ProfileChange {

    /** The body of {@code PATCH /me}. */
    @Schema(name = "ProfileChange")
    public record Request(
            @NotNull(message = "is required") @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
            @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName) {
    }

    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ProfileChange(AccountRepository accounts, OutboxWriter outbox, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<AccountView> change(UUID accountId, Request request) {
        String name = request.displayName().strip();
        Actor actor = new Actor(Actor.USER, accountId.toString());
        return Panache.withTransaction(() -> accounts.findById(accountId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Account", accountId))
                .call(a -> {
                    if (name.equals(a.displayName)) {
                        return Uni.createFrom().voidItem();
                    }
                    a.rename(name, clock.instant(), actor.id());
                    return outbox.append(EventEnvelope.of(TokenEvents.ACCOUNT_PROFILE_CHANGED, TokenService.NAME,
                            null, actor, accountId.toString(),
                            new AccountProfileChanged(accountId, List.of("displayName"))));
                })).map(AccountView::of);
    }
}
