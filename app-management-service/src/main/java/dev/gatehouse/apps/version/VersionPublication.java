package dev.gatehouse.apps.version;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.events.Actor;
import dev.gatehouse.events.apps.AppManifest;
import io.smallrye.mutiny.Uni;

/**
 * Told, inside the publishing transaction, that a version of an app was published: the upgrade requests follow from
 * it ({@code upgrade.UpgradeService}). A port, so that versions do not depend on the upgrades built on them.
 */
public interface VersionPublication {

    Uni<Void> published(App app, String version, AppManifest manifest, Actor actor);
}
