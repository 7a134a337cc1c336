package dev.gatehouse.directory.company;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Companies, read in keyset order. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    public Uni<List<Company>> page(PageRequest request, UUID onlyCompany) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (onlyCompany != null) {
            where.append(" and id = :only");
            params.put("only", onlyCompany);
        }
        return page(request, where, params);
    }

    /** A page of the companies where this person's account is an active person of the directory. */
    public Uni<List<Company>> pageOfPerson(PageRequest request, UUID accountId) {
        StringBuilder where = new StringBuilder("id in (select u.companyId from DirectoryUser u"
                + " where u.accountId = :account"
                + " and u.kind = dev.gatehouse.directory.user.UserKind.person"
                + " and u.status = dev.gatehouse.directory.user.UserStatus.active)");
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        return page(request, where, params);
    }

    private Uni<List<Company>> page(PageRequest request, StringBuilder where, Map<String, Object> params) {
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
