package io.jjj.gateway.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.gateway.contracts.ServiceReads.Read;
import io.jjj.gateway.support.FakeService;
import io.jjj.gateway.support.FakeServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's reads and its fake services against the OpenAPI documents the services' builds publish: a service
 * change that would break the gateway, or a fake that answers what no service does, fails here.
 */
class ServiceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call the gateway's tests make to a fake, and the operation of the real service it stands for. */
    private record FakeCall(FakeService fake, String operation, String uri, int status) {
    }

    private static final List<FakeCall> FAKE_CALLS = List.of(
            new FakeCall(FakeServices.INDICATORS, "/api/regions", "/api/regions", 200),
            new FakeCall(FakeServices.INDICATORS, "/api/indicators", "/api/indicators?size=1000", 200),
            new FakeCall(FakeServices.INDICATORS, "/api/indicators/{code}", "/api/indicators/va.tertiary", 200),
            new FakeCall(FakeServices.INDICATORS, "/api/observations", "/api/observations?indicator=va.tertiary,va.primary&region=120000&latest=1", 200),
            new FakeCall(FakeServices.INDICATORS, "/api/observations", "/api/observations?region=120000", 400),
            new FakeCall(FakeServices.PROJECTS, "/api/projects", "/api/projects?destination=120000&size=1000", 200),
            new FakeCall(FakeServices.PROJECTS, "/api/projects", "/api/projects", 200),
            new FakeCall(FakeServices.TRANSPORT, "/api/transport/accessibility", "/api/transport/accessibility?to=110000", 200),
            new FakeCall(FakeServices.TRANSPORT, "/api/transport/isochrones", "/api/transport/isochrones?from=TJ&minutes=60", 200),
            new FakeCall(FakeServices.TRANSPORT, "/api/transport/isochrones", "/api/transport/isochrones?from=NOWHERE&minutes=60", 404));

    @Test
    void everyFieldTheGatewayReadsIsPublishedByItsService() {
        List<String> violations = new ArrayList<>();
        for (Read<?> read : ServiceReads.ALL) {
            violations.addAll(contract(read.service()).violations(read));
        }
        for (String service : OpenApiContract.SERVICE_NAMES) {
            violations.addAll(contract(service).violations(ServiceReads.PROBLEM_SCHEMA, ServiceReads.ProblemAnswer.class));
        }
        assertEquals(List.of(), violations, "the services no longer publish what the gateway reads");
    }

    @Test
    void theFakeServicesAnswerOnlyWhatTheServicesPublish() throws Exception {
        FakeServices.startAll();
        HttpClient http = HttpClient.newHttpClient();
        List<String> violations = new ArrayList<>();
        for (FakeCall call : FAKE_CALLS) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(call.fake().url() + call.uri())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(call.status(), response.statusCode(), call.fake().name() + " " + call.uri());
            OpenApiContract contract = contract(call.fake().name());
            JsonNode schema = call.status() == 200 ? contract.answerSchema(call.operation(), "200")
                    : contract.document().path("components").path("schemas").path(ServiceReads.PROBLEM_SCHEMA);
            assertTrue(schema != null && !schema.isMissingNode(), call.fake().name() + " publishes no answer for " + call.operation());
            violations.addAll(contract.answerViolations("fake " + call.fake().name() + " " + call.uri(), JSON.readTree(response.body()), schema));
        }
        assertEquals(List.of(), violations, "the fakes answer what the services do not publish");
    }

    @Test
    void aRenamedOrRetypedFieldBreaksTheContract() {
        OpenApiContract indicators = contract("indicators");
        ObjectNode renamed = indicators.document().deepCopy();
        ObjectNode observation = (ObjectNode) renamed.at("/components/schemas/ObservationValue/properties");
        observation.set("amount", observation.remove("value"));
        ObjectNode definition = (ObjectNode) renamed.at("/components/schemas/IndicatorDefinition/properties/additive");
        definition.put("type", "string");

        OpenApiContract changed = new OpenApiContract("indicators", renamed);
        assertEquals(List.of("indicators GET /api/observations.items[].value: not published"), changed.violations(ServiceReads.OBSERVATIONS));
        assertEquals(List.of("indicators GET /api/indicators/{code}.additive: the service publishes [string], the gateway reads [boolean]"),
                changed.violations(ServiceReads.INDICATOR));
        assertEquals(List.of("fake indicators.items[0].value: not published"), changed.answerViolations("fake indicators",
                JSON.valueToTree(Map.of("items", List.of(Map.of("value", 1)))), changed.answerSchema("/api/observations", "200")));
    }

    @Test
    void aDroppedParameterOrOperationBreaksTheContract() {
        ObjectNode document = contract("transport").document().deepCopy();
        ObjectNode isochrones = (ObjectNode) document.at("/paths/~1api~1transport~1isochrones/get");
        isochrones.set("parameters", JSON.createArrayNode());
        ((ObjectNode) document.get("paths")).remove("/api/transport/accessibility");

        OpenApiContract changed = new OpenApiContract("transport", document);
        assertEquals(List.of("transport GET /api/transport/isochrones: no query parameter from",
                "transport GET /api/transport/isochrones: no query parameter minutes",
                "transport GET /api/transport/isochrones: no query parameter asOf"), changed.violations(ServiceReads.ISOCHRONE));
        assertEquals(List.of("transport GET /api/transport/accessibility: no such operation"), changed.violations(ServiceReads.ACCESSIBILITY));
    }

    @Test
    void aMissingDocumentFailsAndSaysToBuildTheServicesFirst(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty.resolve("projects"));
        AssertionError missing = assertThrows(AssertionError.class, () -> OpenApiContract.of(empty, "projects"));
        assertTrue(missing.getMessage().contains("build the services first"), missing.getMessage());
    }

    private static OpenApiContract contract(String service) {
        return OpenApiContract.of(OpenApiContract.SERVICES, service);
    }
}
