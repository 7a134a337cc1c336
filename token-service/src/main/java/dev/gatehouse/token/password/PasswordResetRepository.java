package dev.gatehouse.token.password;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PasswordResetRepository implements PanacheRepositoryBase<PasswordReset, UUID> {
}
