package io.jjj.platform.outbox;

import io.jjj.platform.fixture.Widgets;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "jjj.platformtest.v1";
    private static TopicProbe topic;

    @Inject
    Widgets widgets;

    @BeforeAll
    static void openProbe() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(
                    java.util.Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()))) {
                return admin.listTopics().names().get().contains(TOPIC);
            }
        });
        topic = new TopicProbe(TOPIC);
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void publishRefusesToRunOutsideATransaction() {
        IllegalStateException e = assertThrows(IllegalStateException.class, widgets::publishWithoutTransaction);
        assertTrue(e.getMessage().contains("no transaction is active"));
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverSent() {
        String rolledBack = unique("rolled-back");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            widgets.save(new Widgets.Widget(rolledBack, BigDecimal.ONE));
            throw new IllegalStateException("abort");
        }));
        String marker = unique("marker");
        widgets.save(new Widgets.Widget(marker, BigDecimal.ONE));

        // the relay sends in commit order: once the later marker arrived, the rolled-back event had its chance
        topic.awaitAtLeast(1, r -> r.subject().equals(marker));
        assertEquals(0, topic.poll().stream().filter(r -> r.subject().equals(rolledBack)).count());
    }

    @Test
    void committedEventsArriveAsCloudEventsInOrderPerSubject() {
        String a = unique("a");
        String b = unique("b");
        for (int i = 0; i < 30; i++) {
            widgets.save(new Widgets.Widget(i % 2 == 0 ? a : b, BigDecimal.valueOf(i)));
        }
        List<TopicProbe.Received> received = topic.awaitAtLeast(30, r -> r.subject().equals(a) || r.subject().equals(b));
        assertEquals(30, received.size());
        for (String subject : List.of(a, b)) {
            List<TopicProbe.Received> ofSubject = received.stream().filter(r -> r.subject().equals(subject)).toList();
            assertEquals(15, ofSubject.size());
            assertEquals(1, ofSubject.stream().map(TopicProbe.Received::partition).distinct().count(), "one partition per subject");
            List<Integer> weights = ofSubject.stream().map(r -> r.data().path("weight").asInt()).toList();
            List<Integer> expected = IntStream.range(0, 30).filter(i -> (i % 2 == 0) == subject.equals(a)).boxed().toList();
            assertEquals(expected, weights, "events of " + subject + " in commit order");
            ofSubject.forEach(r -> {
                assertEquals(subject, r.key());
                assertEquals("1.0", r.event().path("specversion").asText());
                assertEquals("/jjj/platformtest", r.event().path("source").asText());
                assertEquals("jjj.platformtest.widget.saved.v1", r.type());
                assertEquals("application/json", r.event().path("datacontenttype").asText());
                assertTrue(r.event().hasNonNull("time"));
            });
        }
        assertEquals(30, new HashSet<>(received.stream().map(TopicProbe.Received::id).toList()).size(), "distinct ids");
    }

    @Test
    void whileKafkaIsDownWritesCommitTheServiceStaysReadyAndEveryEventArrivesAfter() {
        String subjectPrefix = unique("outage");
        int n = 25;
        KafkaTestResource.stopBroker();
        try {
            for (int i = 0; i < n; i++) {
                widgets.save(new Widgets.Widget(subjectPrefix + "-" + i, BigDecimal.valueOf(i)));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                    .then().body("checks.find { it.name == 'outbox' }.data.backlog", greaterThanOrEqualTo(n)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'kafka' }.data.state", equalTo("degraded")));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            KafkaTestResource.startBroker();
        }
        List<TopicProbe.Received> received = topic.awaitAtLeast(n, r -> r.subject().startsWith(subjectPrefix), Duration.ofSeconds(90));
        Set<String> subjects = new HashSet<>(received.stream().map(TopicProbe.Received::subject).toList());
        assertEquals(n, subjects.size(), "every event written during the outage arrived");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0)));
    }
}
