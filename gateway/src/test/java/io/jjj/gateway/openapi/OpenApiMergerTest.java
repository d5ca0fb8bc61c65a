package io.jjj.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.gateway.routing.Policy;
import io.jjj.gateway.routing.PolicyTable;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void renamesClashesTransitivelyAndKeepsIdenticalSchemasOnce() throws Exception {
        ObjectNode own = json("{'openapi':'3.1.0','info':{'title':'gw','version':'1'},'paths':{'/q/health':{'get':{}}},"
                + "'components':{'schemas':{'Item':{'type':'string'}}}}");
        ObjectNode service = json("{'openapi':'3.1.0','paths':{'/api/things':{'get':{'operationId':'list','tags':['Things'],"
                + "'responses':{'200':{'description':'ok','content':{'application/json':{'schema':{'$ref':'#/components/schemas/Wrapper'}}}}}}},"
                + "'/api/elsewhere':{'get':{'operationId':'x','responses':{'200':{'description':'ok'}}}}},"
                + "'components':{'schemas':{'Item':{'type':'integer'},'Wrapper':{'type':'object','properties':{'item':{'$ref':'#/components/schemas/Item'}}},"
                + "'Same':{'type':'boolean'}}}}");
        ObjectNode other = json("{'openapi':'3.1.0','paths':{'/api/other':{'post':{'operationId':'list','responses':{'200':{'description':'ok'}}}}},"
                + "'components':{'schemas':{'Same':{'type':'boolean'},'Wrapper':{'type':'object','properties':{'item':{'$ref':'#/components/schemas/Item'}}}}}}");

        ObjectNode merged = OpenApiMerger.merge(own, List.of(
                ServiceDocument.up("things", service),
                ServiceDocument.up("other", other),
                ServiceDocument.down("gone", "connection refused")), PolicyTable.of(List.of(
                new Policy(HttpMethod.GET, "/api/things", "things", Policy.Access.PUBLIC, false),
                new Policy(HttpMethod.POST, "/api/other", "other", Policy.Access.WRITE, false))));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("string", schemas.path("Item").path("type").asText(), "the gateway's own Item stays");
        assertEquals("integer", schemas.path("ThingsItem").path("type").asText());
        assertEquals("#/components/schemas/ThingsItem", schemas.path("Wrapper").path("properties").path("item").path("$ref").asText());
        assertTrue(schemas.has("OtherWrapper"), "same text, but its Item is another schema, so it clashes");
        assertEquals("#/components/schemas/Item", schemas.path("OtherWrapper").path("properties").path("item").path("$ref").asText());
        assertTrue(schemas.has("Same") && !schemas.has("OtherSame"));

        assertFalse(merged.path("paths").has("/q/health"));
        assertFalse(merged.path("paths").has("/api/elsewhere"), "only paths the gateway routes to the service");
        assertEquals("otherList", merged.path("paths").path("/api/other").path("post").path("operationId").asText());
        assertEquals(2, merged.path("paths").path("/api/other").path("post").path("security").size());
        assertTrue(merged.path("info").path("description").asText().contains("gone (connection refused)"));
        assertEquals("other", merged.path("paths").path("/api/other").path("post").path("tags").get(0).asText());
    }

    @Test
    void sharedProblemResponsesOfTheServicesResolveAndKeyedWritesAnswerTheGatewaysOwn() throws Exception {
        String problem = "{'description':'invalid','content':{'application/problem+json':{'schema':{'$ref':'#/components/schemas/Problem'}}}}";
        ObjectNode own = json("{'openapi':'3.1.0','info':{'title':'gw','version':'1'},'paths':{},'components':{'schemas':{'Problem':{'type':'object'}},"
                + "'responses':{'InvalidRequest':" + problem + "}}}");
        ObjectNode service = json("{'openapi':'3.1.0','paths':{'/api/things':{'post':{'operationId':'create','responses':{"
                + "'201':{'description':'created'},'400':{'$ref':'#/components/responses/InvalidRequest'},"
                + "'401':{'$ref':'#/components/responses/Unauthorized'}}}}},"
                + "'components':{'schemas':{'Problem':{'type':'object'}},'responses':{'InvalidRequest':" + problem + ","
                + "'Unauthorized':{'description':'no gateway token'}}}}");

        ObjectNode merged = OpenApiMerger.merge(own, List.of(ServiceDocument.up("things", service)), PolicyTable.of(List.of(
                new Policy(HttpMethod.POST, "/api/things", "things", Policy.Access.WRITE, false))));

        JsonNode responses = merged.path("paths").path("/api/things").path("post").path("responses");
        assertEquals("#/components/responses/InvalidRequest", responses.path("400").path("$ref").asText());
        assertTrue(merged.path("components").path("responses").path("InvalidRequest").path("content").has("application/problem+json"));
        assertFalse(merged.path("components").path("responses").has("ThingsInvalidRequest"), "identical, so kept once");
        assertEquals("#/components/responses/GatewayUnauthorized", responses.path("401").path("$ref").asText(),
                "the gateway refuses a call without a key before the service sees it");
        assertEquals("#/components/responses/GatewayForbidden", responses.path("403").path("$ref").asText());
    }
}
