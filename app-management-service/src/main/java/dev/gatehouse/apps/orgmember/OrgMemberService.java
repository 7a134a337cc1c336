package dev.gatehouse.apps.orgmember;

import dev.gatehouse.apps.AppManagementService;
import dev.gatehouse.apps.developerorg.DeveloperOrg;
import dev.gatehouse.apps.developerorg.DeveloperOrgRepository;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.EventType;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.apps.DeveloperInvited;
import dev.gatehouse.events.apps.DeveloperMemberChanged;
import dev.gatehouse.events.apps.DeveloperRoleChanged;
import dev.gatehouse.outbox.OutboxWriter;
import dev.gatehouse.web.paging.Page;
import dev.gatehouse.web.paging.PageRequest;
import dev.gatehouse.web.problem.ProblemException;
import dev.gatehouse.web.problem.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * A developer organization's members: invited by e-mail, linked to their account when they take the invitation,
 * their role changed or taken away by an owner. Every change locks the organization's row, so two owners cannot
 * both step down at once and leave it without one; each change, its events and the member's new live role
 * ({@code DeveloperRoleChanged}, which every service reads) commit together.
 */
@ApplicationScoped
public class OrgMemberService {

    private final OrgMemberRepository members;
    private final DeveloperOrgRepository orgs;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OrgMemberService(OrgMemberRepository members, DeveloperOrgRepository orgs, OutboxWriter outbox,
            Clock clock) {
        this.members = members;
        this.orgs = orgs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds a person and asks token-service to invite them ({@code DeveloperInvited}). */
    @WithTransaction
    public Uni<OrgMember> invite(UUID orgId, MemberRequest request, Actor actor) {
        String email = request.email().strip();
        return locked(orgId).chain(org -> members.emailTaken(orgId, email).chain(taken -> {
            if (taken) {
                throw duplicate(email);
            }
            OrgMember m = OrgMember.invite(orgId, email, request.name().strip(),
                    request.role() == null ? OrgMember.DEVELOPER : request.role(), actor.id(), now());
            return members.persistAndFlush(m)
                    .call(() -> changed(m, "added", actor))
                    .call(() -> invitation(org, m, actor));
        })).onFailure(UniqueViolation::is).transform(e -> duplicate(email));
    }

    /** A new link for a member who has not taken their invitation yet; older links stop working. */
    @WithTransaction
    public Uni<OrgMember> inviteAgain(UUID orgId, UUID memberId, Actor actor) {
        return locked(orgId).chain(org -> get(orgId, memberId).chain(m -> {
            if (!OrgMember.INVITED.equals(m.status)) {
                throw ProblemException.of(409, "not-invited", "Not waiting for an invitation",
                        m.name + " is " + m.status + "; only a member who has not signed up yet can be invited again.");
            }
            m.invitedAgain(now());
            return members.flush().call(() -> invitation(org, m, actor)).replaceWith(m);
        }));
    }

    /** Changes a member's role; the last owner cannot become a developer (409 {@code last-owner}). */
    @WithTransaction
    public Uni<OrgMember> changeRole(UUID orgId, UUID memberId, String role, Actor actor) {
        return locked(orgId).chain(org -> get(orgId, memberId).chain(m -> {
            if (OrgMember.REMOVED.equals(m.status)) {
                throw ProblemException.of(409, "removed", "Removed", m.name + " was removed from the organization.");
            }
            if (role.equals(m.role)) {
                return Uni.createFrom().item(m);
            }
            Uni<Void> allowed = m.isOwner() ? requireAnotherOwner(orgId, m) : Uni.createFrom().voidItem();
            return allowed.chain(() -> {
                String before = m.liveRole();
                m.changeRole(role, now());
                return members.flush().call(() -> changed(m, "role_changed", actor))
                        .call(() -> announceIfChanged(m, before, actor)).replaceWith(m);
            });
        }));
    }

    /** Takes a member out (kept, with history); the last owner cannot be removed (409 {@code last-owner}). */
    @WithTransaction
    public Uni<OrgMember> remove(UUID orgId, UUID memberId, Actor actor) {
        return locked(orgId).chain(org -> get(orgId, memberId).chain(m -> {
            if (OrgMember.REMOVED.equals(m.status)) {
                return Uni.createFrom().item(m);
            }
            Uni<Void> allowed = m.isOwner() ? requireAnotherOwner(orgId, m) : Uni.createFrom().voidItem();
            return allowed.chain(() -> {
                String before = m.liveRole();
                m.remove(now());
                return members.flush().call(() -> changed(m, "removed", actor))
                        .call(() -> announceIfChanged(m, before, actor)).replaceWith(m);
            });
        }));
    }

    /**
     * Links the member to the account that took their invitation (token-service's {@code InvitationAccepted}).
     * Applying it again changes nothing; the refusal, with its reason, for a member that is removed, linked to
     * another account, or whose account already is another member of the organization.
     */
    @WithTransaction
    public Uni<Optional<String>> link(UUID orgId, UUID memberId, UUID accountId, Actor actor) {
        return members.inOrg(orgId, memberId).chain(m -> {
            if (m == null || OrgMember.REMOVED.equals(m.status)) {
                return Uni.createFrom().item(Optional.of("no member " + memberId + " in organization " + orgId));
            }
            if (accountId.equals(m.accountId)) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            if (m.accountId != null) {
                return Uni.createFrom().item(Optional.of("member " + memberId + " is linked to another account"));
            }
            return members.byAccount(orgId, accountId).chain(other -> {
                if (other != null) {
                    return Uni.createFrom().item(Optional.of("the account is already member " + other.id));
                }
                String before = m.liveRole();
                m.linkTo(accountId, now());
                return members.flush().call(() -> changed(m, "linked", actor))
                        .call(() -> announceIfChanged(m, before, actor)).replaceWith(Optional.<String>empty());
            });
        });
    }

    @WithSession
    public Uni<OrgMember> get(UUID orgId, UUID memberId) {
        return orgs.findById(orgId).onItem().ifNull().failWith(() -> ProblemException.notFound(
                "Developer organization", orgId)).chain(() -> members.inOrg(orgId, memberId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Member", memberId));
    }

    @WithSession
    public Uni<Page<MemberResponse>> list(UUID orgId, boolean withRemoved, PageRequest request) {
        return orgs.findById(orgId).onItem().ifNull().failWith(() -> ProblemException.notFound(
                "Developer organization", orgId)).chain(() -> members.page(orgId, withRemoved, request))
                .map(rows -> request.page(rows, m -> new PageRequest.Position(m.createdAt, m.id),
                        MemberResponse::of));
    }

    private Uni<DeveloperOrg> locked(UUID orgId) {
        return orgs.findById(orgId, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Developer organization", orgId));
    }

    private Uni<Void> requireAnotherOwner(UUID orgId, OrgMember owner) {
        return members.owners(orgId).invoke(n -> {
            if (n <= 1) {
                throw ProblemException.of(409, "last-owner", "The last owner",
                        owner.name + " is the organization's only owner. Make another member an owner first.");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> invitation(DeveloperOrg org, OrgMember m, Actor actor) {
        return emit(AppsEvents.DEVELOPER_INVITED, org.id, actor, new DeveloperInvited(m.id, org.id, org.name, m.name,
                m.email, m.role));
    }

    private Uni<Void> changed(OrgMember m, String change, Actor actor) {
        return emit(AppsEvents.DEVELOPER_MEMBER_CHANGED, m.developerOrgId, actor, new DeveloperMemberChanged(m.id,
                m.developerOrgId, change, m.email, m.role, m.status, m.accountId));
    }

    /** Publishes the member's live role if it is not {@code before} any more (every service reads it). */
    private Uni<Void> announceIfChanged(OrgMember m, String before, Actor actor) {
        String now = m.liveRole();
        if (m.accountId == null || now.equals(before)) {
            return Uni.createFrom().voidItem();
        }
        return outbox.append(EventEnvelope.of(AppsEvents.DEVELOPER_ROLE_CHANGED, AppManagementService.NAME, null,
                actor, DeveloperRoleChanged.key(m.developerOrgId, m.accountId),
                new DeveloperRoleChanged(m.developerOrgId, m.accountId, m.id, now)));
    }

    private <P> Uni<Void> emit(EventType<P> type, UUID orgId, Actor actor, P payload) {
        return outbox.append(EventEnvelope.of(type, AppManagementService.NAME, null, actor, orgId.toString(),
                payload));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException duplicate(String email) {
        return ProblemException.conflict("A member with email '" + email + "' already belongs to this organization");
    }
}
