package io.jjj.platform.http;

import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conditional writes by RFC 9110 (§13.1.1 {@code If-Match}, §13.1.2 {@code If-None-Match}), for resources whose
 * version is an entity's {@code @Version} (a {@code long}).
 *
 * <ul>
 *   <li>The {@code ETag} of version {@code 3} is the strong tag {@code "3"} ({@link #etag(long)}), the one place that
 *       turns a version into a header value.</li>
 *   <li>{@code If-Match: *} matches any current representation; {@code If-Match: "2", "3"} matches when one of the
 *       listed tags is the current one; a weak tag ({@code W/"3"}) never matches, since a write needs the strong
 *       comparison.</li>
 *   <li>A stale {@code If-Match} is a {@code 412}; a missing one where it is required a {@code 428}; a header that is
 *       not a list of entity tags (nor {@code *}) a {@code 400}. Each problem names the header in {@code errors[].field}
 *       and says what was wrong in {@code detail}; 412 and 428 carry the current {@code ETag} as {@code currentETag}.</li>
 * </ul>
 *
 * <pre>{@code
 * Project current = repository.require(id);
 * ConditionalWrites.requireMatch(ifMatch, current.version(), "project " + id);   // 428, 412 or 400, else go on
 * return Response.ok(view).header(HttpHeaders.ETAG, ConditionalWrites.etag(saved.version)).build();
 * }</pre>
 */
public final class ConditionalWrites {

    public static final String IF_MATCH = "If-Match";
    public static final String IF_NONE_MATCH = "If-None-Match";

    private ConditionalWrites() {
    }

    /** The {@code ETag} header value of a version: the strong tag {@code "<version>"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The same as a JAX-RS {@link EntityTag}, for {@code Response.ResponseBuilder.tag(...)}. */
    public static EntityTag entityTag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * An update of an existing resource: {@code If-Match} is required and must match {@code currentVersion}.
     *
     * @param ifMatch        the raw {@code If-Match} header, null when absent
     * @param currentVersion the stored version of the resource
     * @param what           the resource as the problem names it, e.g. {@code "project P-0001"}
     * @throws ProblemException 428 when absent, 400 when malformed, 412 when stale
     */
    public static void requireMatch(String ifMatch, long currentVersion, String what) {
        if (absent(ifMatch)) {
            throw required("Changing " + what + " needs " + IF_MATCH + " with the ETag of your last read (now "
                    + etag(currentVersion) + ")", currentVersion);
        }
        checkMatch(ifMatch, currentVersion, what);
    }

    /**
     * An update where {@code If-Match} is optional: when absent the write goes on; when present it must match.
     *
     * @throws ProblemException 400 when malformed, 412 when stale
     */
    public static void checkMatch(String ifMatch, long currentVersion, String what) {
        if (absent(ifMatch)) {
            return;
        }
        if (!matches(ifMatch, currentVersion)) {
            throw stale(IF_MATCH + " " + ifMatch.trim() + " does not match: " + what + " is now at "
                    + etag(currentVersion) + "; read it again and reapply your change", currentVersion);
        }
    }

    /**
     * A create-or-replace {@code PUT}. When the resource does not exist ({@code current} empty), any {@code If-Match}
     * fails with 412 (RFC 9110: not even {@code *} matches a missing resource) and {@code If-None-Match: *} is
     * satisfied. When it exists, {@code If-None-Match: *} fails with 412 and {@code If-Match} is required and must
     * match (as {@link #requireMatch}).
     *
     * @param ifMatch     raw {@code If-Match}, null when absent
     * @param ifNoneMatch raw {@code If-None-Match}, null when absent; only {@code *} is meaningful for a write
     * @param current     the stored version, empty when the resource does not exist
     * @return true when the resource is to be created, false when it is replaced
     */
    public static boolean createOrReplace(String ifMatch, String ifNoneMatch, OptionalLong current, String what) {
        boolean noneMatchAny = !absent(ifNoneMatch) && noneMatchStar(ifNoneMatch);
        if (current.isEmpty()) {
            if (!absent(ifMatch)) {
                parse(IF_MATCH, ifMatch);
                throw new ProblemException(412, "precondition-failed", "Precondition failed",
                        what + " does not exist, so " + IF_MATCH + " " + ifMatch.trim() + " cannot match",
                        List.of(FieldError.field(IF_MATCH, "the resource does not exist")));
            }
            return true;
        }
        long version = current.getAsLong();
        if (noneMatchAny) {
            throw stale(what + " already exists and " + IF_NONE_MATCH + ": * asks to create it only if it does not",
                    IF_NONE_MATCH, version);
        }
        requireMatch(ifMatch, version, what);
        return false;
    }

    /**
     * Whether an {@code If-Match} value matches {@code currentVersion} by the strong comparison ({@code *}, or one
     * strong tag of the list equal to {@link #etag(long)}). Absent or blank does not match.
     *
     * @throws ProblemException 400 when the header is not {@code *} nor a list of entity tags
     */
    public static boolean matches(String ifMatch, long currentVersion) {
        if (absent(ifMatch)) {
            return false;
        }
        List<String> tags = parse(IF_MATCH, ifMatch);
        String current = etag(currentVersion);
        for (String tag : tags) {
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entity tags of an {@code If-Match} or {@code If-None-Match} value, as written ({@code "3"}, {@code W/"3"}),
     * or the single element {@code *}. Empty list elements are skipped as RFC 9110 §5.6.1 allows.
     *
     * @throws ProblemException 400 naming {@code header} when the value is malformed
     */
    public static List<String> parse(String header, String value) {
        return entityTags(value).orElseThrow(() -> malformed(header, value));
    }

    /** As {@link #parse}, for a read, which ignores a malformed precondition: empty when the value is not one. */
    public static Optional<List<String>> entityTags(String value) {
        String v = value == null ? "" : value.trim();
        if (v.equals("*")) {
            return Optional.of(List.of("*"));
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = v.length();
        while (i < n) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (v.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || v.charAt(i) != '"') {
                return Optional.empty();
            }
            int close = i + 1;
            while (close < n && v.charAt(close) != '"') {
                char t = v.charAt(close);
                if (t < 0x21 || t == 0x7F) {
                    return Optional.empty();
                }
                close++;
            }
            if (close >= n) {
                return Optional.empty();
            }
            tags.add(v.substring(start, close + 1));
            i = close + 1;
            while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && v.charAt(i) != ',') {
                return Optional.empty();
            }
        }
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
    }

    private static boolean noneMatchStar(String ifNoneMatch) {
        List<String> tags = parse(IF_NONE_MATCH, ifNoneMatch);
        if (!tags.equals(List.of("*"))) {
            throw ProblemException.badRequest(IF_NONE_MATCH + ": a write accepts only '*' (create only if absent), was '"
                    + ifNoneMatch.trim() + "'", FieldError.field(IF_NONE_MATCH, "only * is supported on a write"));
        }
        return true;
    }

    private static boolean absent(String header) {
        return header == null || header.isBlank();
    }

    private static ProblemException malformed(String header, String value) {
        String message = "must be * or a comma-separated list of entity tags such as \"3\", was '" + value + "'";
        return ProblemException.badRequest(header + ": " + message, FieldError.field(header, message));
    }

    private static ProblemException stale(String detail, long currentVersion) {
        return stale(detail, IF_MATCH, currentVersion);
    }

    private static ProblemException stale(String detail, String header, long currentVersion) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail,
                List.of(FieldError.field(header, "does not match the current ETag " + etag(currentVersion))))
                .with("currentETag", etag(currentVersion));
    }

    private static ProblemException required(String detail, long currentVersion) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail,
                List.of(FieldError.field(IF_MATCH, "required")))
                .with("currentETag", etag(currentVersion));
    }
}
