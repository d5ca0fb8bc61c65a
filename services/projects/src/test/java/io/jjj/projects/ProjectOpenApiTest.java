package io.jjj.projects;

import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProjectOpenApiTest {

    @Test
    void everyOperationIsNamedTaggedAndDocumentsItsProblems() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/projects'.get.operationId", equalTo("listProjects"))
                .body("paths.'/api/projects'.post.operationId", equalTo("createProject"))
                .body("paths.'/api/projects/{id}'.patch.operationId", equalTo("patchProject"))
                .body("paths.'/api/projects/{id}/status'.post.responses", hasKey("409"))
                .body("paths.'/api/projects/flows'.get.operationId", equalTo("getProjectFlows"))
                .body("paths.'/api/projects/stats'.get.operationId", equalTo("getProjectStats"))
                .body("paths.'/api/projects/feeds/projects'.post.operationId", equalTo("feedProjects"))
                .body("paths.'/api/projects/feeds/projects'.post.responses", hasKey("202"))
                .body("paths.'/api/projects/feeds/runs/{id}'.get.operationId", equalTo("getFeedRun"))
                .body("paths.'/api/projects/feeds/runs/{id}'.get.parameters.name", contains("id"))
                .body("paths.'/api/projects/{id}/history'.get.tags", hasItem("projects"))
                .body("paths.'/api/projects/{id}'.put.responses.'412'.'$ref'", equalTo("#/components/responses/PreconditionFailed"))
                .body("paths.'/api/projects/{id}'.put.responses.'428'.'$ref'", equalTo("#/components/responses/PreconditionRequired"))
                .body("components.responses.PreconditionFailed.content.'application/problem+json'.schema", notNullValue())
                .body("components.schemas", hasKey("Project"))
                .body("components.schemas", hasKey("ProjectInput"))
                .body("components.schemas", hasKey("ProjectFlows"))
                .body("components.schemas", hasKey("ProjectPage"));
    }
}
