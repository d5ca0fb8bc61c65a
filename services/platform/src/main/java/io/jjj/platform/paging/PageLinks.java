package io.jjj.platform.paging;

import io.jjj.platform.http.PublicLinks;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds RFC 8288 {@code Link} headers (first, prev, next, last) and {@code X-Total-Count} to a page. The links are
 * the request's path and query with other paging values, built by {@link PublicLinks}.
 */
public final class PageLinks {

    private PageLinks() {
    }

    public static Response.ResponseBuilder ok(Page<?> page, UriInfo uri) {
        return headers(Response.ok(page), page, uri);
    }

    public static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Page<?> page, UriInfo uri) {
        builder.header("X-Total-Count", page.total());
        String link = linkHeader(page, UriBuilder.fromUri(links().to(pathAndQuery(uri))));
        if (!link.isEmpty()) {
            builder.header("Link", link);
        }
        return builder;
    }

    private static String pathAndQuery(UriInfo uri) {
        URI request = uri.getRequestUri();
        return request.getRawPath() + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }

    /** Looked up here because every resource calls the paging helpers statically. */
    private static PublicLinks links() {
        return Arc.container().instance(PublicLinks.class).get();
    }

    static String linkHeader(Page<?> page, UriBuilder request) {
        List<String> links = new ArrayList<>();
        int last = page.lastPage();
        links.add(link(request, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(request, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(request, page.page() + 1, page.size(), "next"));
        }
        links.add(link(request, last, page.size(), "last"));
        return String.join(", ", links);
    }

    private static String link(UriBuilder request, int page, int size, String rel) {
        String uri = request.clone()
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", size)
                .build().toString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
