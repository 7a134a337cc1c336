package dev.gatehouse.token.key;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Signing keys by status. */
@ApplicationScoped
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    public Uni<List<SigningKey>> withStatus(String... statuses) {
        return list("status in ?1 order by createdAt desc", List.of(statuses));
    }

    public Uni<List<SigningKey>> ofAlgorithm(String algorithm) {
        return list("algorithm = ?1 and status <> ?2", algorithm, SigningKey.RETIRED);
    }
}
