package dev.gatehouse.events.apps;

import java.util.UUID;

/** A company admin changed the company's app settings. */
public record AppSettingsChanged(UUID companyId, boolean forbidHighRiskApps) {
}
