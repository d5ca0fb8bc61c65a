package io.jjj.platform.feeds;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Documents the feed-run status at this service's own path ({@code /api/indicators/feeds/runs/{id}}, …) rather than as
 * {@code /api/{service}/…}, so the gateway's combined document, which takes each service's paths under its prefix,
 * lists it for every service.
 */
public class FeedRunsOpenApi implements OASFilter {

    static final String TEMPLATE = "/api/{service}/feeds/runs/{id}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        PathItem item = paths == null ? null : paths.getPathItem(TEMPLATE);
        if (item == null) {
            return;
        }
        paths.removePathItem(TEMPLATE);
        String service = ConfigProvider.getConfig().getValue("jjj.service.name", String.class);
        if (item.getGET() != null && item.getGET().getParameters() != null) {
            item.getGET().getParameters().removeIf(p -> "service".equals(p.getName()));
        }
        paths.addPathItem("/api/" + service + "/feeds/runs/{id}", item);
    }
}
