package io.jjj.platform.parked;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import java.util.List;

/**
 * The parked-event operations every service mounts appear in its OpenAPI document under the service's own tag, as
 * the gateway groups them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServicePathsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String service = ConfigProvider.getConfig().getValue("jjj.service.name", String.class);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().forEach((Operation op) -> {
                if (op.getTags() != null && op.getTags().contains(ParkedEventResource.TAG)) {
                    op.setTags(List.of(service));
                }
            });
        }
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().filter(t -> !ParkedEventResource.TAG.equals(t.getName())).toList());
        }
    }
}
