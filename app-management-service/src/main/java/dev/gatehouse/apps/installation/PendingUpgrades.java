package dev.gatehouse.apps.installation;

import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The upgrade requests still waiting for an installation's admin ({@code upgrade.UpgradeRequestRepository}). A
 * reinstall chooses its version afresh and an uninstall ends the installation, so both set them aside. A port, so
 * that installations do not depend on the upgrades built on them.
 */
public interface PendingUpgrades {

    /** Marks every pending request of the installation superseded; answers how many there were. */
    Uni<Integer> supersedePending(UUID installationId);
}
