package dev.gatehouse.apps.orgmember;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class OrgMemberRepository implements PanacheRepositoryBase<OrgMember, UUID> {

    public Uni<OrgMember> inOrg(UUID org, UUID member) {
        return find("developerOrgId = ?1 and id = ?2", org, member).firstResult();
    }

    /** Whether a member not removed has this address (any case). */
    public Uni<Boolean> emailTaken(UUID org, String email) {
        return count("developerOrgId = ?1 and lower(email) = lower(?2) and status <> 'removed'", org, email)
                .map(n -> n > 0);
    }

    /** The member, not removed, who holds this account. */
    public Uni<OrgMember> byAccount(UUID org, UUID account) {
        return find("developerOrgId = ?1 and accountId = ?2 and status <> 'removed'", org, account).firstResult();
    }

    /** Owners not removed (invited ones count: they are on their way). */
    public Uni<Long> owners(UUID org) {
        return count("developerOrgId = ?1 and role = 'owner' and status <> 'removed'", org);
    }

    public Uni<List<OrgMember>> page(UUID org, boolean withRemoved, PageRequest request) {
        StringBuilder where = new StringBuilder("developerOrgId = :org");
        if (!withRemoved) {
            where.append(" and status <> 'removed'");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("org", org);
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
