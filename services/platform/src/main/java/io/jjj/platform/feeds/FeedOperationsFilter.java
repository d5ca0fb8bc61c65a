package io.jjj.platform.feeds;

import io.jjj.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Documents what every feed operation ({@code POST /api/<service>/feeds/<kind>}) answers besides its own request
 * body: the report, the 202 of a run, and the problems any feed can meet. The operations themselves document only
 * what is specific to their kind.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class FeedOperationsFilter implements OASFilter {

    static final String ACCEPTED = "The feed was received and runs in the background: poll the Location "
            + "(/api/<service>/feeds/runs/{id}) until its state is succeeded (with the report) or failed (with the problem)";

    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "mode or Idempotency-Key invalid");
        PROBLEMS.put("401", "Not sent through the gateway with a valid token");
        PROBLEMS.put("403", "The API key lacks the scope of this feed");
        PROBLEMS.put("413", "Over the size or row limit");
        PROBLEMS.put("415", "Neither text/csv (with a header row) nor application/x-ndjson");
        PROBLEMS.put("422", "Bad rows, every one listed with line and column (atomic mode: nothing written); the columns do "
                + "not match the feed; or the Idempotency-Key was used before with another body");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        String prefix = "/api/" + ConfigProvider.getConfig().getValue("jjj.service.name", String.class) + "/feeds/";
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (isFeed(path, prefix, item)) {
                document(item.getPOST());
            }
        });
    }

    private static boolean isFeed(String path, String prefix, PathItem item) {
        return item.getPOST() != null && path.startsWith(prefix) && !path.substring(prefix.length()).contains("/");
    }

    private static void document(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        responses.addAPIResponse("200", json("What the feed did: received, inserted, updated, unchanged, rejected, events",
                "FeedReport"));
        responses.addAPIResponse("202", json(ACCEPTED, "FeedRun").addHeader("Location",
                OASFactory.createHeader().description("The run to poll")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        PROBLEMS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, problem(description));
            }
        });
        operation.setResponses(responses);
    }

    private static APIResponse json(String description, String schema) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(schema))));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }
}
