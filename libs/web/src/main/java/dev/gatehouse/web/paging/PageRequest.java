package dev.gatehouse.web.paging;

import dev.gatehouse.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset (cursor) paging over rows ordered by (time, id). The cursor is opaque to callers: base64url of the last
 * row's position, so pages stay stable while rows are added.
 *
 * @param after the position after which the page starts, or null for the first page
 */
public record PageRequest(int limit, Position after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Where a row sits in the ordering. */
    public record Position(Instant time, String id) {
        public Position(Instant time, UUID id) {
            this(time, id.toString());
        }
    }

    /** Validates {@code limit} (1..200, default 50) and decodes {@code cursor}; bad input is a 400 problem. */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /**
     * Adds the keyset condition for this page to a query: rows after the cursor in (time, id) order, ascending
     * or, with {@code newestFirst}, descending. Does nothing on the first page.
     */
    public void appendKeyset(StringBuilder where, Map<String, Object> params, String timeField, String idField,
            boolean newestFirst) {
        appendKeyset(where, params, timeField, idField, newestFirst, PageRequest::uuidId);
    }

    /** As {@link #appendKeyset(StringBuilder, Map, String, String, boolean)}, for rows whose id is text. */
    public void appendKeysetTextId(StringBuilder where, Map<String, Object> params, String timeField,
            String idField, boolean newestFirst) {
        appendKeyset(where, params, timeField, idField, newestFirst, id -> id);
    }

    private void appendKeyset(StringBuilder where, Map<String, Object> params, String timeField, String idField,
            boolean newestFirst, Function<String, Object> idType) {
        if (after == null) {
            return;
        }
        String beyond = newestFirst ? "<" : ">";
        where.append(" and (").append(timeField).append(' ').append(beyond).append(" :cursorTime or (")
                .append(timeField).append(" = :cursorTime and ").append(idField).append(' ').append(beyond)
                .append(" :cursorId))");
        params.put("cursorTime", after.time());
        params.put("cursorId", idType.apply(after.id()));
    }

    private static Object uuidId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** Fetch one row more than the limit: its presence tells whether there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Builds the page from up to {@link #fetchSize()} rows fetched in order. */
    public <R, T> Page<T> page(List<R> rows, Function<R, Position> position, Function<R, T> toItem) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(position.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }

    static String encode(Position p) {
        String raw = p.time().getEpochSecond() + ":" + p.time().getNano() + ":" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(":", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("cursor has " + parts.length + " parts");
            }
            Instant time = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            // A forged cursor can name a time no column holds (PostgreSQL's timestamps end in the year 294276);
            // every row this API pages was written after 1970 and before 10000.
            if (time.isBefore(Instant.EPOCH) || time.isAfter(LATEST)) {
                throw new IllegalArgumentException("cursor time out of range");
            }
            return new Position(time, parts[2]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
