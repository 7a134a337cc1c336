package dev.gatehouse.token.invitation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<Invitation> byTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** The person's invitations that are neither taken nor superseded. */
    public Uni<List<Invitation>> openFor(String kind, UUID scopeId, UUID memberId) {
        return list("kind = ?1 and scopeId = ?2 and memberId = ?3 and acceptedAt is null and supersededAt is null",
                kind, scopeId, memberId);
    }
}
