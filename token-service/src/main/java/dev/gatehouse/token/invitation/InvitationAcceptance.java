package dev.gatehouse.token.invitation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.token.AccountCreated;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.account.AccountRepository;
import dev.gatehouse.token.account.PasswordHasher;
import dev.gatehouse.token.account.PasswordWork;
import dev.gatehouse.token.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * Taking an invitation, once the visitor proved who they are: with a new password for a new account (the link proves
 * the address, so the account starts verified), or with the account they already have. The invitation is taken,
 * announced and the browser signed in, in one transaction; an invitation taken meanwhile by a second tab is refused.
 */
@ApplicationScoped
public class InvitationAcceptance {

    /** Why an acceptance did not happen. */
    public static final class Gone extends RuntimeException {
        public Gone() {
            super("the invitation is no longer open", null, false, false);
        }
    }

    private final InvitationRepository invitations;
    private final Invitations service;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordWork work;
    private final Sessions sessions;
    private final OutboxWriter outbox;

    public InvitationAcceptance(InvitationRepository invitations, Invitations service, AccountRepository accounts,
            PasswordHasher hasher, PasswordWork work, Sessions sessions, OutboxWriter outbox) {
        this.invitations = invitations;
        this.service = service;
        this.accounts = accounts;
        this.hasher = hasher;
        this.work = work;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** A new account with this password (already checked against the policy), then the invitation. */
    public Uni<Sessions.Started> withNewAccount(UUID invitationId, String email, String name, String password,
            String userAgent, String address) {
        return work.run(() -> hasher.hash(password)).chain(hash -> Panache.withTransaction(() -> open(invitationId)
                .chain(invitation -> {
                    Account account = Account.create(email, name, true, TokenService.NAME, service.now());
                    account.passwordHash = hash;
                    return accounts.persist(account)
                            .call(() -> outbox.append(EventEnvelope.of(TokenEvents.ACCOUNT_CREATED, TokenService.NAME,
                                    null, new Actor(Actor.USER, account.id.toString()), account.id.toString(),
                                    new AccountCreated(account.id, account.email, false))))
                            .call(() -> service.accept(invitation, account))
                            .chain(() -> sessions.start(account, "pwd", userAgent, address));
                })));
    }

    /** The account that just proved its password takes the invitation. */
    public Uni<Sessions.Started> withAccount(UUID invitationId, Account account, String userAgent, String address) {
        return Panache.withTransaction(() -> open(invitationId)
                .call(invitation -> service.accept(invitation, account))
                .chain(() -> sessions.start(account, "pwd", userAgent, address)));
    }

    private Uni<Invitation> open(UUID id) {
        return invitations.findById(id, LockModeType.PESSIMISTIC_WRITE).map(i -> {
            if (i == null || i.state(service.now()) != Invitation.State.OPEN) {
                throw new Gone();
            }
            return i;
        });
    }
}
