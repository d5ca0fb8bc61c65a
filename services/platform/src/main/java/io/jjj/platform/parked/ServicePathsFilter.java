package io.jjj.platform.parked;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;
import java.util.Map;

/**
 * The platform's resources that every service serves under {@code /api/{service}/…} appear in a service's OpenAPI
 * document under its own name and tag, e.g. {@code /api/projects/events/parked} tagged {@code projects}, as the
 * gateway routes and groups them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServicePathsFilter implements OASFilter {

    static final String TEMPLATE = "/api/{service}/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String service = ConfigProvider.getConfig().getValue("jjj.service.name", String.class);
        for (Map.Entry<String, PathItem> entry : Map.copyOf(openAPI.getPaths().getPathItems()).entrySet()) {
            if (!entry.getKey().startsWith(TEMPLATE)) {
                continue;
            }
            PathItem item = entry.getValue();
            item.setParameters(withoutService(item.getParameters()));
            item.getOperations().values().forEach((Operation op) -> {
                op.setParameters(withoutService(op.getParameters()));
                op.setTags(List.of(service));
            });
            openAPI.getPaths().removePathItem(entry.getKey());
            openAPI.getPaths().addPathItem("/api/" + service + "/" + entry.getKey().substring(TEMPLATE.length()), item);
        }
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().filter(t -> !ParkedEventResource.TAG.equals(t.getName())).toList());
        }
    }

    private static List<Parameter> withoutService(List<Parameter> parameters) {
        if (parameters == null) {
            return null;
        }
        List<Parameter> kept = parameters.stream()
                .filter(p -> !(Parameter.In.PATH.equals(p.getIn()) && "service".equals(p.getName()))).toList();
        return kept.isEmpty() ? null : kept;
    }
}
