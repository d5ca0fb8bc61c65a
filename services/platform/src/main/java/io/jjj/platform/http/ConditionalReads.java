package io.jjj.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.time.Today;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Conditional and cacheable reads for every service. Each {@code 200} answer to a {@code GET} under {@code /api/}
 * gets:
 * <ul>
 * <li>a strong {@code ETag}: the one the resource set (an entity's version, which writes send back in
 * {@code If-Match}), else a hash of the body it sends. Reads combine lists, filters, groups, derived series and
 * {@code asOf}, and no version short of the body covers all of them. A body the HTTP layer will compress is another
 * representation, so its tag says so ({@code -z}): a strong tag never names two different byte sequences;</li>
 * <li>{@code If-None-Match} naming that tag (or {@code *}) answered {@code 304} without a body;</li>
 * <li>{@code Cache-Control}: short and revalidated for live data, long for {@code asOf} a past date;</li>
 * <li>{@code Vary: Accept, Accept-Encoding} (formats are negotiated, bodies compressed).</li>
 * </ul>
 * Compression itself is the HTTP layer's ({@code quarkus.http.enable-compression}, set by each service, not by the
 * gateway, which relays what the services send); this filter keeps bodies under
 * {@code jjj.http.caching.compress-from-bytes} out of it, where the gzip header and the CPU cost more than they save.
 */
public class ConditionalReads {

    private static final Set<String> COMPRESSED_TYPES = Set.of("application/json", "application/problem+json",
            "application/geo+json", "text/csv");
    private static final String VARY = "Accept, Accept-Encoding";
    private static final String COMPRESSED_TAG_SUFFIX = "-z";

    private final ObjectMapper json;
    private final String liveCacheControl;
    private final String pastCacheControl;
    private final int compressFromBytes;
    private final boolean compression;
    private final Today today;

    public ConditionalReads(ObjectMapper json, PlatformConfig config, Today today,
                            @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean compression) {
        this.json = json;
        this.today = today;
        this.compression = compression;
        PlatformConfig.Caching caching = config.http().caching();
        this.liveCacheControl = "public, max-age=" + caching.liveMaxAge().toSeconds() + ", must-revalidate";
        this.pastCacheControl = "public, max-age=" + caching.pastMaxAge().toSeconds();
        this.compressFromBytes = caching.compressFromBytes();
    }

    @ServerResponseFilter
    public void conditional(ResteasyReactiveContainerRequestContext request, ContainerResponseContext response,
                            ResourceInfo resource) {
        if (!isRead(request) || response.getStatus() != 200 || !request.getUriInfo().getPath().startsWith("/api/")) {
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
            headers.putSingle(HttpHeaders.CACHE_CONTROL, asOfInThePast(request) ? pastCacheControl : liveCacheControl);
        }
        if (compression && body != null && body.length < compressFromBytes) {
            headers.putSingle("Content-Encoding", "identity");
        }
        Object own = headers.getFirst(HttpHeaders.ETAG);
        String tag;
        if (own != null) {
            tag = own instanceof EntityTag entityTag ? entityTag.getValue() : opaque(own.toString());
        } else if (body != null) {
            tag = hash(body) + (compressed(request, type, body) ? COMPRESSED_TAG_SUFFIX : "");
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

    private static boolean isRead(ContainerRequestContext request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
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

    private boolean compressed(ContainerRequestContext request, MediaType type, byte[] body) {
        return compression && body.length >= compressFromBytes && type != null
                && COMPRESSED_TYPES.contains(type.getType() + "/" + type.getSubtype())
                && acceptsCompression(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
    }

    static boolean acceptsCompression(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((name.equals("gzip") || name.equals("deflate")) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) == 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** If-None-Match uses the weak comparison: {@code W/"x"} matches {@code "x"}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") && c.substring(1, c.length() - 1).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The opaque part of a tag set as text: {@code W/"3"} and {@code "3"} are {@code 3}. */
    private static String opaque(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
