package org.custodian.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.Problems;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The largest request body each route takes, refused with a 413 problem that changes nothing:
 * <ul>
 * <li>an upload route ({@code custodian.http.upload-paths}, regular expressions over the path) takes up to
 * {@code quarkus.http.limits.max-body-size}; sent without a length, the upload is streamed to the uploads directory
 * by Vert.x's body handler, which counts it (413 problem past the limit) and hands the files to the REST layer;</li>
 * <li>every other route takes up to {@code custodian.http.max-body-size} (the same figure unless a service sets it
 * lower), and this filter counts a body sent without a length (chunked) while it reads it: past the limit it is
 * refused; within it, it is handed to the REST layer whole (issue 16, finding 7: sar-service parsed 2 MB chunked
 * bodies on its 1 MB JSON routes).</li>
 * </ul>
 * A declared length ({@code Content-Length}) over the route's limit is refused before anything reads the body.
 */
@ApplicationScoped
public class BodyLimit {

    /** The largest refused body read to its end before the answer (see {@link #refuse}). */
    private static final long DISCARDED_AT_MOST = 32L * 1024 * 1024;

    private final long ceiling;
    private final long limit;
    private final List<Pattern> uploads;
    private final BodyHandler uploadHandler;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            @ConfigProperty(name = "custodian.http.max-body-size") Optional<MemorySize> nonUploadSize,
            @ConfigProperty(name = "custodian.http.upload-paths") Optional<List<String>> uploadPaths) {
        this.ceiling = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.limit =
                Math.min(ceiling, nonUploadSize.map(MemorySize::asLongValue).orElse(ceiling));
        this.uploads = uploadPaths.orElse(List.of()).stream()
                .filter(p -> !p.isBlank())
                .map(Pattern::compile)
                .toList();
        Config config = ConfigProvider.getConfig();
        // a chunked upload is streamed to the uploads directory by Vert.x, which counts it and fails with 413 (a
        // problem, from RouteProblems) past the limit; the REST layer then reads the files it stored
        this.uploadHandler = BodyHandler.create(
                        config.getOptionalValue("quarkus.http.body.uploads-directory", String.class)
                                .orElse("file-uploads"))
                .setBodyLimit(ceiling == Long.MAX_VALUE ? -1 : ceiling)
                .setHandleFileUploads(true)
                .setMergeFormAttributes(false)
                .setDeleteUploadedFilesOnEnd(
                        config.getOptionalValue("quarkus.http.body.delete-uploaded-files-on-end", Boolean.class)
                                .orElse(true));
    }

    /** The limits as the running service's configuration sets them (tests ask it what each route takes). */
    public static BodyLimit fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new BodyLimit(
                config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class),
                config.getOptionalValue("custodian.http.max-body-size", MemorySize.class),
                config.getOptionalValues("custodian.http.upload-paths", String.class));
    }

    /** Whether {@code path} is an upload, with the larger limit. */
    public boolean isUpload(String path) {
        return uploads.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** The largest body, in bytes, that {@code path} takes. */
    public long limitFor(String path) {
        return isUpload(path) ? ceiling : limit;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 900);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        boolean upload = isUpload(request.path());
        long routeLimit = upload ? ceiling : limit;
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                RouteProblems.send(rc, Problems.forStatus(400, "Content-Length is not a number"));
                return;
            }
            if (length > routeLimit) {
                refuse(rc, length, tooLarge(length + " bytes", routeLimit, upload));
                return;
            }
        } else if (routeLimit < Long.MAX_VALUE && mayHaveBody(request)) {
            if (upload) {
                uploadHandler.handle(rc);
            } else {
                count(rc, routeLimit);
            }
            return;
        }
        rc.next();
    }

    /** HTTP/1.1 sends a body without a length only chunked; HTTP/2 may send one without saying. */
    private static boolean mayHaveBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains("Transfer-Encoding");
    }

    /**
     * Reads a body of unknown length, counting: past {@code limit} the rest is read and dropped and the answer is a
     * 413 (or, past {@link #DISCARDED_AT_MOST}, the connection is closed); within it, the whole body becomes the
     * routing context's, which the REST layer reads instead of the request.
     */
    private void count(RoutingContext rc, long limit) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        long[] seen = {0};
        boolean[] closed = {false};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] <= limit) {
                body.appendBuffer(chunk);
            } else if (seen[0] > DISCARDED_AT_MOST && !closed[0]) {
                closed[0] = true;
                rc.response().putHeader("Connection", "close");
                rc.response().endHandler(done -> request.connection().close());
                RouteProblems.send(rc, tooLarge("more than " + limit + " bytes", limit, false));
            }
        });
        request.exceptionHandler(failed -> {
            if (!rc.response().ended()) {
                request.connection().close();
            }
        });
        request.endHandler(ended -> {
            if (closed[0]) {
                return;
            }
            if (seen[0] > limit) {
                RouteProblems.send(rc, tooLarge(seen[0] + " bytes", limit, false));
                return;
            }
            RoutingContextInternal internal = (RoutingContextInternal) rc;
            internal.setBody(body);
            internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
            rc.next();
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            rc.response().writeContinue();
        }
        request.resume();
    }

    private Problem tooLarge(String size, long routeLimit, boolean upload) {
        String detail = "the request body is " + size + "; this operation accepts at most " + routeLimit + " bytes";
        if (!upload && !uploads.isEmpty()) {
            detail += " (only uploads may be larger)";
        }
        return Problems.payloadTooLarge(detail).problem();
    }

    /**
     * Answers a request whose declared body is too large with {@code problem}, without its body reaching anything.
     * A client still sending when the connection closes sees it reset rather than the answer, so a body of up to
     * {@link #DISCARDED_AT_MOST} bytes is read and thrown away first; a larger one is answered at once and its
     * connection closed.
     */
    public static void refuse(RoutingContext rc, long declaredLength, Problem problem) {
        HttpServerRequest request = rc.request();
        if (declaredLength <= DISCARDED_AT_MOST && !request.isEnded()) {
            request.handler(discarded -> {});
            request.exceptionHandler(failed -> request.connection().close());
            request.endHandler(ended -> RouteProblems.send(rc, problem));
            request.resume();
            return;
        }
        rc.response().putHeader("Connection", "close");
        rc.response().endHandler(done -> request.connection().close());
        RouteProblems.send(rc, problem);
    }
}
