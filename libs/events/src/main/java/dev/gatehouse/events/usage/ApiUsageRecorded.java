package dev.gatehouse.events.usage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The API calls one replica of a service answered for non-platform tokens during one interval, counted in memory and
 * published as one event through the outbox (issue 14: recording adds no database write and no Kafka record per
 * request). Each {@link Calls} is one minute of one caller on one route with one status.
 *
 * @param service the service that answered
 * @param from    the interval's start (inclusive)
 * @param to      its end (exclusive): the next interval of the same replica starts here
 */
public record ApiUsageRecorded(String service, Instant from, Instant to, List<Calls> calls) {

    /**
     * @param companyId      the company the token acts in, if any
     * @param clientId       the OAuth client the token was issued to
     * @param installationId the app installation it acts through, if any
     * @param accountId      the person, for a person's own token or an app acting for a person
     * @param projectId      the project the route names, if it names one
     * @param route          the route template ({@code /companies/{companyId}/projects}), never the raw path
     * @param minute         the minute the calls were answered in
     * @param count          how many (one replica, one minute, one key: far below int's range)
     */
    public record Calls(UUID companyId, String clientId, UUID installationId, UUID accountId, UUID projectId,
            String method, String route, int status, Instant minute, int count) {
    }
}
