package dev.gatehouse.directory.company;

import java.time.Instant;
import java.util.UUID;

/** A company as the API shows it. */
public record CompanyResponse(UUID id, String name, boolean requireSecondFactorForAdmins, Instant createdAt,
        String createdBy) {

    static CompanyResponse of(Company c) {
        return new CompanyResponse(c.id, c.name, c.requireSecondFactorForAdmins, c.createdAt, c.createdBy);
    }
}
