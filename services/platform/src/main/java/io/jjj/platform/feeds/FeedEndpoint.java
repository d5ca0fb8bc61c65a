package io.jjj.platform.feeds;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

/**
 * What each service's feed resource at {@code /api/<service>/feeds} extends: the runs of feeds answered 202 at
 * {@code /runs/{id}}, and {@link #submit} for its operations. A service declares one small method per kind
 * ({@code POST /<kind>}) carrying that kind's documentation and scope, and passes the request on here; the answers
 * every feed shares are documented by {@link FeedOperationsFilter}.
 */
public abstract class FeedEndpoint {

    private final FeedService feeds;
    private final FeedRunResource runs;

    protected FeedEndpoint(FeedService feeds, FeedRunResource runs) {
        this.feeds = feeds;
        this.runs = runs;
    }

    @Path("/runs")
    public FeedRunResource runs() {
        return runs;
    }

    /** Runs a feed through the {@link FeedHandler} bean of its {@link FeedKind}. */
    protected Response submit(String kind, InputStream body, FeedParameters parameters) {
        return feeds.submit(kind, body, parameters);
    }
}
