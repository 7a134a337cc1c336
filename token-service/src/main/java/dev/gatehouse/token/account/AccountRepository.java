package dev.gatehouse.token.account;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** The account with this address, however capitalised; null if none. */
    public Uni<Account> byEmail(String email) {
        return find("emailKey", Account.key(email)).firstResult();
    }

    public Uni<Long> platformAdmins() {
        return count("platformAdmin = true and status = ?1", Account.ACTIVE);
    }
}
