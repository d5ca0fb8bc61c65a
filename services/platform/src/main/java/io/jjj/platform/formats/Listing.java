package io.jjj.platform.formats;

import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageLinks;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A list endpoint's answer: format negotiation (JSON, CSV, GeoJSON by {@code format=} or else {@code Accept}, as
 * {@link Formats#choose}) and paging headers ({@code Link}, {@code X-Total-Count}, as {@link PageLinks}). JSON is
 * always offered and is the default; CSV and GeoJSON are offered when a renderer is given. The format is checked
 * before the page is read, so a bad {@code format=} is a 400 without a query.
 *
 * <pre>{@code
 * return Listing.<Project>json().csv(ProjectListing::csv).geoJson(ProjectListing::geoJson)
 *         .respond(format, headers, uri, () -> queries.list(filter, PageRequest.parse(page, size)));
 * }</pre>
 *
 * @param <T> the items of the page
 */
public final class Listing<T> {

    private final Function<? super Page<T>, ?> json;
    private final Function<? super List<T>, String> csv;
    private final Function<? super Page<T>, ?> geoJson;

    private Listing(Function<? super Page<T>, ?> json, Function<? super List<T>, String> csv,
                    Function<? super Page<T>, ?> geoJson) {
        this.json = json;
        this.csv = csv;
        this.geoJson = geoJson;
    }

    private static final Function<Page<?>, Object> PAGE_ITSELF = page -> page;

    /** A listing answered as JSON: the {@link Page} itself (for {@link Negotiated#all}, the list of items). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Listing<T> json() {
        return new Listing<>((Function) PAGE_ITSELF, null, null);
    }

    /** Another JSON body than the page itself (e.g. a view of it). */
    public Listing<T> json(Function<? super Page<T>, ?> body) {
        return new Listing<>(body, csv, geoJson);
    }

    /** Offers CSV: the page's items as a {@code text/csv} body (header line first, {@link Formats#csvLine}). */
    public Listing<T> csv(Function<? super List<T>, String> body) {
        return new Listing<>(json, body, geoJson);
    }

    /** Offers GeoJSON: the page as an {@code application/geo+json} FeatureCollection (see {@link GeoJson}). */
    public Listing<T> geoJson(Function<? super Page<T>, ?> body) {
        return new Listing<>(json, csv, body);
    }

    /** The media types offered, JSON first. */
    public List<String> offered() {
        List<String> offered = new ArrayList<>(List.of(Formats.JSON));
        if (csv != null) {
            offered.add(Formats.CSV);
        }
        if (geoJson != null) {
            offered.add(Formats.GEOJSON);
        }
        return List.copyOf(offered);
    }

    /**
     * Chooses the representation now.
     *
     * @throws io.jjj.platform.problem.ProblemException 400 naming {@code format} when it is unknown or not offered
     */
    public Negotiated<T> negotiate(String format, HttpHeaders headers) {
        return new Negotiated<>(this, Formats.choose(format, headers, offered()));
    }

    /** The same from a raw {@code Accept} header value. */
    public Negotiated<T> negotiate(String format, String accept) {
        return new Negotiated<>(this, Formats.choose(format, accept, offered()));
    }

    /** Negotiates, then reads the page and answers {@code 200} with it and its paging headers. */
    public Response respond(String format, HttpHeaders headers, UriInfo uri, Supplier<Page<T>> page) {
        return negotiate(format, headers).ok(page.get(), uri);
    }

    /** The same from a raw {@code Accept} header value. */
    public Response respond(String format, String accept, UriInfo uri, Supplier<Page<T>> page) {
        return negotiate(format, accept).ok(page.get(), uri);
    }

    /**
     * A listing whose representation is chosen.
     *
     * @param <T> the items
     */
    public static final class Negotiated<T> {

        private final Listing<T> listing;
        private final String mediaType;

        private Negotiated(Listing<T> listing, String mediaType) {
            this.listing = listing;
            this.mediaType = mediaType;
        }

        /** {@link Formats#JSON}, {@link Formats#CSV} or {@link Formats#GEOJSON}. */
        public String mediaType() {
            return mediaType;
        }

        /** {@code 200} with the page in the chosen format, {@code Link} and {@code X-Total-Count}. */
        public Response ok(Page<T> page, UriInfo uri) {
            return PageLinks.headers(Response.ok(body(page), mediaType), page, uri).build();
        }

        /**
         * {@code 200} with every item, without paging headers (a list that is never paged). The default JSON body is
         * then the list of items; the other renderers get a single page holding them all.
         */
        public Response all(List<T> items) {
            Page<T> whole = new Page<>(List.copyOf(items), 0, Math.max(1, items.size()), items.size());
            Object body = Formats.JSON.equals(mediaType) && listing.json == PAGE_ITSELF ? whole.items() : body(whole);
            return Response.ok(body, mediaType).build();
        }

        /** The body in the chosen format. */
        public Object body(Page<T> page) {
            return switch (mediaType) {
                case Formats.CSV -> listing.csv.apply(page.items());
                case Formats.GEOJSON -> listing.geoJson.apply(page);
                default -> listing.json.apply(page);
            };
        }
    }

}
