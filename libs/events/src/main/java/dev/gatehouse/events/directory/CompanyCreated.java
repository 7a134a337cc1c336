package dev.gatehouse.events.directory;

import java.util.UUID;

/** A company (tenant) was created. */
public record CompanyCreated(UUID companyId, String name) {
}
