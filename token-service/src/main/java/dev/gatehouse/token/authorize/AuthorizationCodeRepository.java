package dev.gatehouse.token.authorize;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Authorization codes by the keyed hash of the code. */
@ApplicationScoped
public class AuthorizationCodeRepository implements PanacheRepositoryBase<AuthorizationCode, String> {
}
