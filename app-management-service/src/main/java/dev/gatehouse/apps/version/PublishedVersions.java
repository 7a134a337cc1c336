package dev.gatehouse.apps.version;

import dev.gatehouse.web.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.semver4j.Semver;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The versions companies can install: published ones only; "latest" is the highest semantic version. */
@ApplicationScoped
public class PublishedVersions {

    private static final Comparator<AppVersion> BY_SEMVER = Comparator.comparing(v -> Semver.parse(v.version));

    private final AppVersionRepository versions;

    public PublishedVersions(AppVersionRepository versions) {
        this.versions = versions;
    }

    /** Inside the caller's session: the version asked for, or the latest when {@code version} is null. */
    public Uni<AppVersion> require(UUID appId, String version) {
        if (version == null) {
            return latest(appId).map(v -> v.orElseThrow(() -> ProblemException.conflict(
                    "This app has no published version yet")));
        }
        Semver semver = Semver.parse(version.strip());
        String normalized = semver == null ? version.strip() : semver.getVersion();
        return versions.find(appId, normalized).map(v -> {
            if (v == null || v.status != VersionStatus.published) {
                throw ProblemException.invalid("version", "is not a published version of this app");
            }
            return v;
        });
    }

    public Uni<Optional<AppVersion>> latest(UUID appId) {
        return versions.list("appId = ?1 and status = ?2", appId, VersionStatus.published)
                .map(list -> list.stream().max(BY_SEMVER));
    }

    /** The latest published version of each app that has one. */
    public Uni<Map<UUID, AppVersion>> latestOf(List<UUID> appIds) {
        if (appIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return versions.list("appId in ?1 and status = ?2", appIds, VersionStatus.published)
                .map(list -> list.stream().collect(Collectors.toMap(v -> v.appId, Function.identity(),
                        (a, b) -> BY_SEMVER.compare(a, b) >= 0 ? a : b)));
    }

    public static boolean isNewer(String candidate, String than) {
        return Semver.parse(candidate).isGreaterThan(Semver.parse(than));
    }
}
