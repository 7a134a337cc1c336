package dev.gatehouse.apps.appswitch;

import dev.gatehouse.apps.binding.BindingResponse;
import dev.gatehouse.apps.binding.BindingState;
import dev.gatehouse.apps.installation.Installation;
import dev.gatehouse.apps.installation.InstallationStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The binding in force ({@code updatedAt}/{@code updatedBy} are null while it is the default), and the company's
 * installation of the app, if it has one: what turning the app off would suspend, or what it did.
 */
public record AppSwitchResponse(UUID companyId, UUID appId, BindingState state, Instant updatedAt, String updatedBy,
        InstallationNow installation) {

    /**
     * @param status    the admin's lifecycle choice for it
     * @param suspended the app is turned off, so nothing the installation grants works meanwhile
     */
    public record InstallationNow(UUID id, String version, InstallationStatus status, boolean suspended) {
    }

    static AppSwitchResponse of(BindingResponse binding, Optional<Installation> installation) {
        return new AppSwitchResponse(binding.companyId(), binding.appId(), binding.state(), binding.updatedAt(),
                binding.updatedBy(), installation.map(i -> new InstallationNow(i.id, i.appVersion, i.status,
                        i.suspended)).orElse(null));
    }
}
