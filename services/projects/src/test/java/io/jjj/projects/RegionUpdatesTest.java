package io.jjj.projects;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.outbox.KafkaClients;
import io.jjj.platform.regions.Region;
import io.jjj.platform.regions.RegionUpdate;
import io.jjj.platform.regions.RegionsFeed;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jjj.projects.Projects.create;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

/** A region the regions feed adds (an event on the indicators topic) is known here at once, with no restart. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionUpdatesTest {

    @Inject
    PlatformConfig config;

    @Inject
    KafkaClients kafka;

    private static String project(String ref, String destination) {
        return """
                {"ref": "%s", "nameEn": "Lab", "kind": "public-service", "sector": "region-updates", "origin": "110108",
                 "destination": "%s", "status": "signed", "signed": "2024-01-01", "organisations": ["Lab"]}
                """.formatted(ref, destination);
    }

    @Test
    void aRegionFedToTheIndicatorsServiceBecomesAValidDestinationAndLiesInItsParent() throws Exception {
        create(config, project(Projects.uniqueRef("early"), "130192")).statusCode(400)
                .body("errors[0].message", containsString("130192"));
        Region added = new Region("130192", "Update Test District", "更新测试区", "county", "130100", null,
                LocalDate.of(2020, 1, 1), null, null, null, null, "feed", "NBS2023", null);
        JsonNode data = EventJson.MAPPER.valueToTree(new RegionUpdate(List.of(added), List.of(), Map.of()));
        CloudEvent event = new CloudEvent("1.0", UUID.randomUUID(), "/jjj/indicators", RegionsFeed.UPDATED, "regions",
                OffsetDateTime.now(), "application/json", data);
        try (KafkaProducer<String, String> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>(config.regions().updatesTopic(), "regions", EventJson.write(event))).get();
        }
        String ref = Projects.uniqueRef("added");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> create(config, project(ref, "130192")).statusCode(201));
        given().queryParam("sector", "region-updates").queryParam("destination", "130100").when().get("/api/projects").then()
                .statusCode(200).body("items.ref", hasItem(ref));
    }
}
