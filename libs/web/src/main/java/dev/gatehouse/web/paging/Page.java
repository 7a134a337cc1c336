package dev.gatehouse.web.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, and the cursor for the next page ({@code null} on the last one). */
public record Page<T>(List<T> items, String nextCursor) {

    /** The same page with each item converted. */
    public <R> Page<R> map(Function<T, R> convert) {
        return new Page<>(items.stream().map(convert).toList(), nextCursor);
    }
}
