package dev.gatehouse.usage;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resource method's route template ({@code /companies/{companyId}/projects/{projectId}}), from its class's and its
 * own {@code @Path}: what usage is counted under, never the raw path with its ids.
 */
final class RouteTemplates {

    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private RouteTemplates() {
    }

    static String of(Class<?> resource, Method method) {
        return TEMPLATES.computeIfAbsent(method, m -> join(resource.getAnnotation(Path.class),
                m.getAnnotation(Path.class)));
    }

    private static String join(Path type, Path method) {
        String left = type == null ? "" : trim(type.value());
        String right = method == null ? "" : trim(method.value());
        String joined = (left.isEmpty() ? "" : "/" + left) + (right.isEmpty() ? "" : "/" + right);
        return joined.isEmpty() ? "/" : joined;
    }

    private static String trim(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
