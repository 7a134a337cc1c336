package dev.gatehouse.console.api;

import java.util.List;
import java.util.Map;

/** One page of a service's list: its items, and the cursor of the next page ({@code null} on the last). */
public record ApiPage(List<Map<String, Object>> items, String nextCursor) {
}
