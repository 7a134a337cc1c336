package dev.gatehouse.console.web;

/**
 * What every page's layout shows around its content: who is signed in, the CSRF token its forms carry, and where in
 * the console the page is ({@code place}: a company's or an organization's name, for the heading and navigation).
 */
public record Frame(String title, String personName, String personEmail, boolean platformAdmin, String csrf,
        Place place) {

    /** The company or developer organization a page belongs to, with the id its links are built from. */
    public record Place(String kind, String id, String name, String section) {
    }
}
