package dev.gatehouse.audit.report;

import java.time.LocalDate;

/**
 * One row of a developer's API activity report (Procore's developer portal): an app's requests on one day with one
 * status code, method and route template, summed over every company that installed it.
 */
public record AppActivity(LocalDate day, int status, String method, String route, long requests) {
}
