package dev.gatehouse.events.usage;

import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;

import java.util.List;

/** Usage events: what every service counted of the API calls it answered (audit-metrics-service's reports). */
public final class UsageEvents {

    public static final String SERVICE = "Service";

    /** Keyed by the service, so one service's intervals stay in order. */
    public static final EventType<ApiUsageRecorded> API_USAGE_RECORDED = new EventType<>("ApiUsageRecorded", 1,
            Topics.AUDIT_USAGE, SERVICE, ApiUsageRecorded.class);

    public static final List<EventType<?>> ALL = List.of(API_USAGE_RECORDED);

    private UsageEvents() {
    }
}
