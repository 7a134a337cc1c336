package dev.gatehouse.apps.installation;

/**
 * How an admin chose an installation's projects. {@code all_current} resolves to the open projects at that moment;
 * {@code all_current_and_future} also gains every project created later.
 */
public enum ProjectAccess {
    selected, all_current, all_current_and_future
}
