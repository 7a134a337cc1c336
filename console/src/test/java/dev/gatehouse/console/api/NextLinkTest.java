package dev.gatehouse.console.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV download follows a report's pages by their Link header, to the same service by the console's address. */
class NextLinkTest {

    @Test
    void theNextLinksPathAndQueryAreKeptAndOtherLinksIgnored() {
        assertThat(NextLink.pathOf("<http://audit-metrics:8084/developer-orgs/o/apps/a/activity?from=2026-11-01"
                + "&cursor=eyJrIjoxfQ%3D%3D>; rel=\"next\"")).isEqualTo("/developer-orgs/o/apps/a/activity"
                + "?from=2026-11-01&cursor=eyJrIjoxfQ%3D%3D");
        assertThat(NextLink.pathOf("<https://x/a?p=1>; rel=\"prev\", <https://x/a?p=3>; rel=next"))
                .isEqualTo("/a?p=3");
    }

    @Test
    void withoutANextLinkThereIsNoNextPage() {
        assertThat(NextLink.pathOf(null)).isNull();
        assertThat(NextLink.pathOf("<https://x/a?p=1>; rel=\"prev\"")).isNull();
    }
}
