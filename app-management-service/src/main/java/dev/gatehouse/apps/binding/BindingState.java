package dev.gatehouse.apps.binding;

/**
 * A company's choice for a marketplace app, after Canvas developer keys:
 * {@code on}: admins may install it and members may ask for it;
 * {@code allow}: it may be installed only by an admin approving a member's install request (a request trail for
 * every install);
 * {@code off} (the default for every new app): it cannot be installed or requested.
 * Switching an installed app off does not uninstall it: disabling or uninstalling is the admin's explicit act.
 */
public enum BindingState {
    on, off, allow
}
