package dev.gatehouse.audit.report;

import dev.gatehouse.web.problem.Problem;
import dev.gatehouse.web.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's period: {@code from} and {@code to}, inclusive ISO dates (UTC days); the last 30 days when absent; at
 * most 366 days, a year of daily data and no more in one answer. Bad input is a 400 problem naming the field.
 */
public record Period(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    static Period of(String from, String to, Clock clock) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate toDay = day(to, "to", errors);
        LocalDate fromDay = day(from, "from", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate end = toDay != null ? toDay : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = fromDay != null ? fromDay : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("from", "the period may be at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    private static LocalDate day(String raw, String field, List<Problem.FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 date such as 2026-11-30"));
            return null;
        }
    }
}
