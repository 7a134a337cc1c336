package dev.gatehouse.directory.tool;

import dev.gatehouse.events.permission.AccessLevel;
import dev.gatehouse.events.permission.Tool;

import java.util.Arrays;
import java.util.List;

/** The answer of {@code GET /tools}: every tool, and the access levels in order from least to most. */
public record ToolCatalogue(List<AccessLevel> levels, List<Entry> tools) {

    /** One tool as clients see it. */
    public record Entry(String name, String title, String description, boolean projectLevel) {
    }

    static ToolCatalogue current() {
        return new ToolCatalogue(Arrays.asList(AccessLevel.values()), Tool.all().stream()
                .map(t -> new Entry(t.wireName(), t.title(), t.description(), t.projectLevel())).toList());
    }
}
