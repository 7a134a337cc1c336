package dev.gatehouse.console.web;

import dev.gatehouse.console.api.ApiPage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The links under a paged list ({@code {#pager pager=pager /}}): back to the first page once past it, and on to the
 * next while the service says there is one. The cursor is the service's own, passed through untouched.
 */
public record Pager(String first, String next) {

    /**
     * @param path   the console page's own path, without a query
     * @param cursor the cursor this page was asked with, or null on the first page
     */
    public static Pager of(String path, String cursor, ApiPage page) {
        return new Pager(cursor == null || cursor.isBlank() ? null : path,
                page.nextCursor() == null ? null
                        : path + "?cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8));
    }
}
