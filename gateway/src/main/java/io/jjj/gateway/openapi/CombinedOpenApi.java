package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jjj.gateway.config.GatewayConfig;
import io.jjj.gateway.routing.PolicyTable;
import io.jjj.gateway.routing.Upstream;
import io.jjj.gateway.routing.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The merged OpenAPI document, rebuilt periodically from the services' own documents. */
@ApplicationScoped
public class CombinedOpenApi {

    /** One rendering of the merged document. */
    public record Rendered(String json, String yaml, List<String> unavailable, Instant builtAt) {
    }

    private static final Logger LOG = Logger.getLogger(CombinedOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final String OPENAPI_PATH = "/q/openapi?format=json";

    private final Upstreams upstreams;
    private final PolicyTable policies;
    private final OpenApiDocumentService ownDocument;
    private final GatewayConfig config;
    private final Vertx vertx;
    private volatile Rendered current;

    public CombinedOpenApi(Upstreams upstreams, OpenApiDocumentService ownDocument, GatewayConfig config, Vertx vertx,
                           PolicyTable policies) {
        this.upstreams = upstreams;
        this.policies = policies;
        this.ownDocument = ownDocument;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(0, config.openapi().refreshInterval().toMillis(), timer -> refresh());
    }

    /** The latest document; built now when there is none yet. */
    public CompletionStage<Rendered> current() {
        Rendered rendered = current;
        return rendered != null ? Future.succeededFuture(rendered).toCompletionStage() : refresh().toCompletionStage();
    }

    public Future<Rendered> refresh() {
        List<Future<ServiceDocument>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            fetches.add(upstreams.getJson(upstream, OPENAPI_PATH, null).map(reply -> {
                if (reply.status() != 200 || !(reply.body() instanceof ObjectNode doc)) {
                    return ServiceDocument.down(upstream.name(), "its document answered HTTP " + reply.status());
                }
                return ServiceDocument.up(upstream.name(), doc);
            }).otherwise(failure -> ServiceDocument.down(upstream.name(), failure.getMessage())));
        }
        return Future.join(fetches).transform(done -> vertx.executeBlocking(() -> {
            List<ServiceDocument> documents = fetches.stream().map(Future::result).toList();
            ObjectNode merged = OpenApiMerger.merge(own(), documents, policies);
            List<String> unavailable = documents.stream().filter(d -> !d.available()).map(ServiceDocument::service).toList();
            Rendered rendered = new Rendered(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged),
                    YAML.writeValueAsString(merged), unavailable, Instant.now());
            Rendered previous = current;
            if (previous == null || !previous.unavailable().equals(unavailable)) {
                LOG.infof("Combined OpenAPI document built; services unavailable: %s", unavailable.isEmpty() ? "none" : unavailable);
            }
            current = rendered;
            return rendered;
        }, false));
    }

    private ObjectNode own() {
        try {
            return (ObjectNode) JSON.readTree(ownDocument.getDocument("<default>", Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
