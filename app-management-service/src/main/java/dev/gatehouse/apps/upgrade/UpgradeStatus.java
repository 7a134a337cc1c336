package dev.gatehouse.apps.upgrade;

/** {@code superseded}: a newer version's request replaced it, or the app was uninstalled while it waited. */
public enum UpgradeStatus {
    pending, approved, rejected, superseded
}
