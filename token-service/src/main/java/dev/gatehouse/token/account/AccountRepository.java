package dev.gatehouse.token.account;

import dev.gatehouse.web.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** The account with this address, however capitalised; null if none. */
    public Uni<Account> byEmail(String email) {
        return find("emailKey", Account.key(email)).firstResult();
    }

    /** A page of accounts, oldest first. */
    public Uni<List<Account>> page(PageRequest request) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        request.appendKeyset(where, params, "createdAt", "id", false);
        return find(where + " order by createdAt, id", params).range(0, request.fetchSize() - 1).list();
    }
}
