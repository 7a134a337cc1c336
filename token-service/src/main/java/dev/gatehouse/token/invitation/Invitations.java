package dev.gatehouse.token.invitation;

import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.apps.DeveloperInvited;
import dev.gatehouse.events.directory.PersonInvited;
import dev.gatehouse.events.token.InvitationAccepted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.token.SignInConfig;
import dev.gatehouse.token.TokenService;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.crypto.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Making invitations (one open per person and company or organization: a newer one supersedes the rest), finding
 * them by link, taking them.
 */
@ApplicationScoped
public class Invitations {

    static final String TOKEN_PREFIX = "ghi_";

    /**
     * Who is invited where: a person of a company's directory ({@link Invitation#COMPANY}) or a member of a
     * developer organization ({@link Invitation#DEVELOPER_ORG}).
     */
    public record Invitee(String kind, UUID scopeId, String scopeName, UUID memberId, String email, String name) {

        static Invitee of(PersonInvited invited) {
            return new Invitee(Invitation.COMPANY, invited.companyId(), invited.companyName(), invited.userId(),
                    invited.email(), invited.name());
        }

        static Invitee of(DeveloperInvited invited) {
            return new Invitee(Invitation.DEVELOPER_ORG, invited.developerOrgId(), invited.developerOrgName(),
                    invited.memberId(), invited.email(), invited.name());
        }
    }

    private final InvitationRepository invitations;
    private final OpaqueTokens tokens;
    private final InvitationMail mail;
    private final OutboxWriter outbox;
    private final SignInConfig config;
    private final Clock clock;

    public Invitations(InvitationRepository invitations, OpaqueTokens tokens, InvitationMail mail, OutboxWriter outbox,
            SignInConfig config, Clock clock) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.mail = mail;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records a new invitation and e-mails its link, in the caller's transaction: the mail goes out before the row
     * commits, so a mail server that fails rolls the invitation back and the event is tried again; the rare commit
     * that fails after a sent mail leaves a link that says it is not valid, and the retry sends a good one.
     */
    public Uni<Void> invite(Invitee invitee, Actor actor) {
        Instant now = now();
        String token = tokens.newValue(TOKEN_PREFIX);
        return invitations.openFor(invitee.kind(), invitee.scopeId(), invitee.memberId())
                .invoke(open -> open.forEach(older -> older.supersede(now)))
                .chain(() -> {
                    Invitation i = new Invitation();
                    i.id = UUID.randomUUID();
                    i.tokenHash = tokens.hashText(token);
                    i.kind = invitee.kind();
                    i.scopeId = invitee.scopeId();
                    i.scopeName = invitee.scopeName();
                    i.memberId = invitee.memberId();
                    i.email = invitee.email();
                    i.name = invitee.name();
                    i.invitedBy = actor.type() + ":" + actor.id();
                    i.createdAt = now;
                    i.expiresAt = now.plus(config.invitationLifetime());
                    return invitations.persist(i);
                })
                .chain(i -> mail.send(i, token));
    }

    /** The invitation a link names, if the link is one of ours. */
    public Uni<Optional<Invitation>> byLink(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        return invitations.byTokenHash(tokens.hashText(token)).map(Optional::ofNullable);
    }

    /** Takes the invitation for the account, announcing it ({@code InvitationAccepted}) in the same transaction. */
    public Uni<Void> accept(Invitation invitation, Account account) {
        invitation.acceptBy(account.id, now());
        return outbox.append(EventEnvelope.of(TokenEvents.INVITATION_ACCEPTED, TokenService.NAME, invitation.scopeId,
                new Actor(Actor.USER, account.id.toString()), account.id.toString(),
                new InvitationAccepted(invitation.id, invitation.kind, invitation.scopeId, invitation.memberId,
                        account.id)));
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
