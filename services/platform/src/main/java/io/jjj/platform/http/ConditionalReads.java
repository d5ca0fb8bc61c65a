package io.jjj.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.jdbc.Jdbc;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.time.Today;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Conditional and cacheable reads for every service. Each {@code 200} answer to a {@code GET} under {@code /api/}
 * gets:
 * <ul>
 * <li>a strong {@code ETag}: the one the resource set (an entity's version, which writes send back in
 * {@code If-Match}); else, where the service's reads are computed from its database
 * ({@code jjj.http.caching.tags-from-database}), a hash of the data version read before the resource runs, today's
 * date, the request as the resource sees it and the representation asked for (see {@link #versionTag}); else a hash of
 * the body it sends ({@link TaggedByBody} reads and services without that setting);</li>
 * <li>{@code If-None-Match} naming that tag (weak comparison) answered {@code 304} without a body: a version tag
 * before the resource runs, so a {@code 304} costs one tiny query; {@code *} once the resource has answered, since only
 * it knows whether there is a representation at all;</li>
 * <li>{@code Cache-Control}: short and revalidated for live data, long for {@code asOf} a past date;</li>
 * <li>{@code Vary: Accept, Accept-Encoding} (formats are negotiated, bodies compressed).</li>
 * </ul>
 * A body the HTTP layer compresses is another representation, so the coding a request may get is part of its tag: a
 * strong tag never names two different byte sequences. Compression itself is the HTTP layer's
 * ({@code quarkus.http.enable-compression}, set by each service, not by the gateway, which relays what the services
 * send); this filter keeps bodies under {@code jjj.http.caching.compress-from-bytes} out of it, where the encoding's
 * header and the CPU cost more than they save.
 */
public class ConditionalReads {

    /** The request property holding the version tag the request filter computed, for the response filter. */
    static final String VERSION_TAG = ConditionalReads.class.getName() + ".versionTag";
    private static final Set<String> COMPRESSED_TYPES = Set.of("application/json", Problem.MEDIA_TYPE,
            "application/geo+json", "text/csv");
    /** The content codings the HTTP layer (Netty's compressor) recognises in Accept-Encoding. */
    private static final List<String> CODINGS = List.of("gzip", "deflate", "br", "zstd", "snappy", "*");
    private static final String VARY = "Accept, Accept-Encoding";
    private static final String IDENTITY = "identity";

    private final ObjectMapper json;
    private final Jdbc jdbc;
    private final Today today;
    private final String liveCacheControl;
    private final String pastCacheControl;
    private final int compressFromBytes;
    private final boolean tagsFromDatabase;
    private final boolean compression;
    private final String applicationVersion;

    public ConditionalReads(ObjectMapper json, Jdbc jdbc, PlatformConfig config, Today today,
                            @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean compression,
                            @ConfigProperty(name = "quarkus.application.version", defaultValue = "") String applicationVersion) {
        this.json = json;
        this.jdbc = jdbc;
        this.today = today;
        this.compression = compression;
        this.applicationVersion = applicationVersion;
        PlatformConfig.Caching caching = config.http().caching();
        this.liveCacheControl = "public, max-age=" + caching.liveMaxAge().toSeconds() + ", must-revalidate";
        this.pastCacheControl = "public, max-age=" + caching.pastMaxAge().toSeconds();
        this.compressFromBytes = caching.compressFromBytes();
        this.tagsFromDatabase = caching.tagsFromDatabase();
    }

    /**
     * Reads the data version and answers {@code 304} when the request names the tag it gives; else leaves the tag for
     * {@link #conditional}. Runs after matching, on the thread the resource runs on: on the event loop (a
     * non-blocking resource) the query moves to a worker thread.
     */
    @ServerRequestFilter
    public Uni<Response> revalidate(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (!tagsFromDatabase || !isApiRead(request) || taggedByBody(resource)) {
            return Uni.createFrom().nullItem();
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            return Uni.createFrom().item(revalidateNow(request));
        }
        return Uni.createFrom().item(() -> revalidateNow(request)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response revalidateNow(ContainerRequestContext request) {
        String tag = versionTag(request, dataVersion());
        request.setProperty(VERSION_TAG, tag);
        if (!names(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            return null;
        }
        return Response.notModified(new EntityTag(tag))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(request))
                .header(HttpHeaders.VARY, VARY)
                .build();
    }

    /**
     * The database's view of committed work: the same text until a transaction anywhere in the cluster ends, then
     * another. Read before the resource computes its body, so a commit racing the request makes the tag older than the
     * body (the next request gets another tag and a {@code 200}), never newer. With the server's start time: a cluster
     * restored to an earlier point, or a promoted replica, hands out transaction ids again and could meet an old
     * snapshot with other data.
     */
    private String dataVersion() {
        return jdbc.one("SELECT pg_current_snapshot()::text || ' ' || pg_postmaster_start_time()", rs -> rs.getString(1))
                .orElseThrow();
    }

    /**
     * What the answer is a function of: the release (which decides the bytes), the data version, today (answers
     * without {@code asOf} change at midnight without a write), the path and query parameters as the resource sees
     * them (decoded, parameters by name, each one's values in order; the same for {@code GET} and {@code HEAD}), and
     * the representation: {@code Accept} and the content coding the request may get.
     */
    private String versionTag(ContainerRequestContext request, String dataVersion) {
        MessageDigest digest = sha256();
        update(digest, applicationVersion);
        update(digest, dataVersion);
        update(digest, today.date().toString());
        update(digest, request.getUriInfo().getPath());
        Map<String, List<String>> query = new TreeMap<>(request.getUriInfo().getQueryParameters());
        update(digest, Integer.toString(query.size()));
        query.forEach((name, values) -> {
            update(digest, name);
            update(digest, Integer.toString(values.size()));
            values.forEach(value -> update(digest, value));
        });
        update(digest, String.join(",", request.getHeaders().getOrDefault(HttpHeaders.ACCEPT, List.of())));
        update(digest, coding(request));
        return encode(digest.digest());
    }

    @ServerResponseFilter
    public void conditional(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
                            ResourceInfo resource) {
        if (!isApiRead(request) || response.getStatus() != 200) {
            return;
        }

        MediaType type = mediaType(request, response, resource);
        Object entity = response.getEntity();
        byte[] body = body(entity, type);
        if (body != null && type != null && !(entity instanceof String) && !(entity instanceof byte[])) {
            // serialised once, here: the JSON writer sends a String as it is (a byte[] it would write as base64)
            response.setEntity(new String(body, StandardCharsets.UTF_8), response.getEntityAnnotations(), type);
        }
        // after setEntity: it may give the response another header map
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.VARY, VARY);
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl(request));
        }
        if (compression && body != null && body.length < compressFromBytes) {
            headers.putSingle("Content-Encoding", IDENTITY);
        }
        Object own = headers.getFirst(HttpHeaders.ETAG);
        String tag;
        if (own != null) {
            tag = own instanceof EntityTag entityTag ? entityTag.getValue() : opaque(own.toString());
        } else if (request.getProperty(VERSION_TAG) instanceof String versionTag) {
            tag = versionTag;
            headers.putSingle(HttpHeaders.ETAG, new EntityTag(tag));
        } else if (body != null) {
            MessageDigest digest = sha256();
            digest.update(body);
            update(digest, compressed(type, body) ? coding(request) : IDENTITY);
            tag = encode(digest.digest());
            headers.putSingle(HttpHeaders.ETAG, new EntityTag(tag));
        } else {
            return;
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            headers.remove("Content-Encoding");
        }
    }

    private static boolean isApiRead(ContainerRequestContext request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getUriInfo().getPath().startsWith("/api/");
    }

    private static boolean taggedByBody(ResourceInfo resource) {
        return resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(TaggedByBody.class)
                || resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(TaggedByBody.class);
    }

    private String cacheControl(ContainerRequestContext request) {
        return asOfInThePast(request) ? pastCacheControl : liveCacheControl;
    }

    private boolean asOfInThePast(ContainerRequestContext request) {
        String asOf = request.getUriInfo().getQueryParameters().getFirst("asOf");
        if (asOf == null) {
            return false;
        }
        try {
            return today.isPast(LocalDate.parse(asOf.trim()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The type the body will be written as: the response's, else the negotiated one, else the resource method's only
     * {@code @Produces}; else JSON for an object (the services write every object with Jackson).
     */
    private static MediaType mediaType(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
                                       ResourceInfo resource) {
        if (response.getMediaType() != null) {
            return response.getMediaType();
        }
        MediaType negotiated = request.getServerRequestContext().getResponseMediaType();
        if (negotiated != null) {
            return negotiated;
        }
        Produces produces = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Produces.class);
        if (produces == null && resource.getResourceClass() != null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        if (produces != null && produces.value().length == 1 && !produces.value()[0].contains(",")
                && !produces.value()[0].contains("*")) {
            return MediaType.valueOf(produces.value()[0]);
        }
        Object entity = response.getEntity();
        return entity == null || entity instanceof String || entity instanceof byte[] ? null : MediaType.APPLICATION_JSON_TYPE;
    }

    /** The bytes the answer will carry, or null when they are only known as they are written (nothing here streams). */
    private byte[] body(Object entity, MediaType type) {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity == null || type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return null;
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean compressed(MediaType type, byte[] body) {
        return compression && body.length >= compressFromBytes && type != null
                && COMPRESSED_TYPES.contains(type.getType() + "/" + type.getSubtype());
    }

    /**
     * The content coding a request may get, as far as its tag is concerned: {@code identity} when the HTTP layer will
     * not compress for it, else its {@code Accept-Encoding} as sent (the compressor picks the coding from it alone).
     */
    private String coding(ContainerRequestContext request) {
        String acceptEncoding = request.getHeaderString(HttpHeaders.ACCEPT_ENCODING);
        return compression && mayCompress(acceptEncoding) ? acceptEncoding.trim() : IDENTITY;
    }

    /**
     * Whether the HTTP layer may compress for this {@code Accept-Encoding}: read as Netty's compressor reads it (a
     * coding named anywhere in an element, its weight after the first {@code =}, unreadable weights 0), so that when
     * this says no, it does not compress.
     */
    static boolean mayCompress(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String element : acceptEncoding.split(",")) {
            int equals = element.indexOf('=');
            float weight = 1;
            if (equals >= 0) {
                try {
                    weight = Float.parseFloat(element.substring(equals + 1));
                } catch (NumberFormatException e) {
                    weight = 0;
                }
            }
            if (weight > 0 && CODINGS.stream().anyMatch(element::contains)) {
                return true;
            }
        }
        return false;
    }

    /** If-None-Match, by the weak comparison RFC 9110 allows it: {@code *}, or a listed tag, {@code W/"x"} matching {@code "x"}. */
    static boolean matches(String ifNoneMatch, String tag) {
        return ConditionalWrites.entityTags(ifNoneMatch).map(tags -> tags.contains("*") || names(tags, tag)).orElse(false);
    }

    /** Whether If-None-Match lists this tag (weak comparison); {@code *} is not a tag. A malformed value names none. */
    static boolean names(String ifNoneMatch, String tag) {
        return ConditionalWrites.entityTags(ifNoneMatch).map(tags -> names(tags, tag)).orElse(false);
    }

    private static boolean names(List<String> tags, String tag) {
        String strong = "\"" + tag + "\"";
        return tags.stream().anyMatch(t -> (t.startsWith("W/") ? t.substring(2) : t).equals(strong));
    }

    /** The opaque part of a tag set as text: {@code W/"3"} and {@code "3"} are {@code 3}. */
    private static String opaque(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Adds one field, its length first, so that no two different field lists hash the same bytes. */
    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }
}
