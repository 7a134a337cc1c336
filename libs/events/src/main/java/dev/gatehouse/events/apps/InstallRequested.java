package dev.gatehouse.events.apps;

import java.util.UUID;

/** A company member asked for an app to be installed ({@code version} null: the latest when approved). */
public record InstallRequested(UUID requestId, UUID companyId, UUID appId, String version) {
}
