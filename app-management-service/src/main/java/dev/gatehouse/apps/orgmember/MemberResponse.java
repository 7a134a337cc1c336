package dev.gatehouse.apps.orgmember;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A member as the API shows it: {@code accountId} once they took their invitation. */
public record MemberResponse(UUID id, UUID developerOrgId, String name, String email, String role, String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID accountId, Instant invitedAt, Instant createdAt,
        String createdBy, Instant updatedAt) {

    static MemberResponse of(OrgMember m) {
        return new MemberResponse(m.id, m.developerOrgId, m.name, m.email, m.role, m.status, m.accountId,
                m.invitedAt, m.createdAt, m.createdBy, m.updatedAt);
    }
}
