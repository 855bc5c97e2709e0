package org.custodian.platform.pagination;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a list operation gets its {@link PageRequest}: its cursors are sealed with the service's cursor keys
 * ({@code custodian.cursor.keys}, the same on every replica) for the operation being served, named by its method and
 * path template as in the OpenAPI document ({@code GET /api/v1/schools/{urn}/pupils}), so that a cursor of one list
 * is refused by every other. Read when the service starts: it does not start without keys.
 */
@Startup
@Singleton
public class PageRequests {

    private final CursorKeys keys;
    private final ResourceInfo resource;
    private final Map<Method, ListCursors> lists = new ConcurrentHashMap<>();

    public PageRequests(@ConfigProperty(name = "custodian.cursor.keys") String keys, ResourceInfo resource) {
        this.keys = CursorKeys.parse(keys);
        this.resource = resource;
    }

    /** {@code ?limit=} and {@code ?cursor=} of the list operation being served; a bad one is a 400. */
    public PageRequest of(String limit, String cursor) {
        Method method = resource.getResourceMethod();
        ListCursors cursors = lists.computeIfAbsent(method, m -> keys.forList(listOf(resource.getResourceClass(), m)));
        return PageRequest.of(limit, cursor, cursors);
    }

    /**
     * The cursors of the operation being served, for a list that reads its position its own way (a feed, whose cursor
     * is issued on every page, even an empty one).
     */
    public ListCursors cursors() {
        Method method = resource.getResourceMethod();
        return lists.computeIfAbsent(method, m -> keys.forList(listOf(resource.getResourceClass(), m)));
    }

    /** {@code GET /api/v1/schools/{urn}/pupils}: the HTTP method and the path template, as OpenAPI names them. */
    static String listOf(Class<?> resourceClass, Method method) {
        String verb = Stream.of(method.getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " is not a resource method"));
        String path = Stream.of(pathOf(resourceClass), method.getAnnotation(Path.class))
                .filter(java.util.Objects::nonNull)
                .map(Path::value)
                .collect(Collectors.joining("/"))
                .replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}")
                .replaceAll("/+", "/");
        path = path.startsWith("/") ? path : "/" + path;
        return verb + " " + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    private static Path pathOf(Class<?> resourceClass) {
        for (Class<?> c = resourceClass; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class);
            }
        }
        return null;
    }
}
