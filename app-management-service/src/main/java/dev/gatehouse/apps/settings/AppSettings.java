package dev.gatehouse.apps.settings;

import jakarta.validation.constraints.NotNull;

/**
 * A company's app settings.
 *
 * @param forbidHighRiskApps when true, no version with high-risk permissions (admin on the company Directory) may
 *                           be installed or upgraded to in this company
 */
public record AppSettings(@NotNull(message = "is required") Boolean forbidHighRiskApps) {
}
