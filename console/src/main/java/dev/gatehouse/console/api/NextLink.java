package dev.gatehouse.console.api;

import java.net.URI;

/**
 * The next page of a CSV report, from its {@code Link} header (RFC 8288 §3: {@code <uri>; rel="next"}, several
 * links separated by commas): the target's path and query only, so the console asks the same service by the address
 * it knows (the service may name itself differently).
 */
final class NextLink {

    private NextLink() {
    }

    /** The path and query of the {@code rel="next"} link, or null when there is none. */
    static String pathOf(String header) {
        if (header == null) {
            return null;
        }
        for (String link : header.split(",")) {
            int open = link.indexOf('<');
            int close = link.indexOf('>');
            if (open >= 0 && close > open && link.substring(close).matches(".*;\\s*rel=\"?next\"?.*")) {
                URI next = URI.create(link.substring(open + 1, close).strip());
                return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
            }
        }
        return null;
    }
}
