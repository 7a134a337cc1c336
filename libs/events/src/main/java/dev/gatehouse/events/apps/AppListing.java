package dev.gatehouse.events.apps;

/**
 * What an app tells the admins who consider it (shown in companies' catalogues), each null until the developer
 * gives it: who to contact about the app, and where its documentation and privacy policy are (https).
 */
public record AppListing(String contactEmail, String documentationUrl, String privacyPolicyUrl) {

    public static final AppListing NONE = new AppListing(null, null, null);
}
