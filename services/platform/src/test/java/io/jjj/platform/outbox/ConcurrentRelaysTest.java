package io.jjj.platform.outbox;

import io.jjj.platform.fixture.Widgets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two relays claiming at the same time never take the same row, nor one subject's later event before its earlier one. */
@QuarkusTest
@TestProfile(ConcurrentRelaysTest.RelayOff.class)
class ConcurrentRelaysTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jjj.outbox.relay-enabled", "false");
        }
    }

    @Inject
    Widgets widgets;

    @Inject
    OutboxRepository outbox;

    @Test
    void concurrentClaimsAreDisjointAndKeepSubjectOrder() throws Exception {
        String shared = "shared-" + UUID.randomUUID();
        widgets.save(new Widgets.Widget(shared, BigDecimal.ONE));
        for (int i = 0; i < 8; i++) {
            widgets.save(new Widgets.Widget("solo-" + UUID.randomUUID(), BigDecimal.ONE));
        }
        widgets.save(new Widgets.Widget(shared, BigDecimal.TEN));

        long unsent = outbox.backlog().count();

        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<OutboxRepository.PendingEvent>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<OutboxRepository.PendingEvent> claimed = outbox.claim(5);
                    firstHolds.countDown();
                    secondDone.await(30, TimeUnit.SECONDS);
                    return claimed;
                }));
        assertTrue(firstHolds.await(30, TimeUnit.SECONDS));
        List<OutboxRepository.PendingEvent> second = QuarkusTransaction.requiringNew().call(() -> outbox.claim(100));
        secondDone.countDown();
        List<OutboxRepository.PendingEvent> firstClaimed = first.get(30, TimeUnit.SECONDS);

        Set<Long> a = new HashSet<>(firstClaimed.stream().map(OutboxRepository.PendingEvent::seq).toList());
        Set<Long> b = new HashSet<>(second.stream().map(OutboxRepository.PendingEvent::seq).toList());
        assertEquals(5, a.size());
        assertTrue(b.stream().noneMatch(a::contains), "no row claimed twice");
        assertTrue(firstClaimed.stream().anyMatch(e -> e.subject().equals(shared)), "the first relay holds the shared subject's first event");
        assertTrue(second.stream().noneMatch(e -> e.subject().equals(shared)),
                "the second relay must not send the shared subject's later event while the earlier one is held");
        assertEquals(unsent - 5 - 1, second.size(), "the second relay takes every other unsent event");
    }

    @Test
    void theBacklogIsAMetric() {
        widgets.save(new Widgets.Widget("metric-" + UUID.randomUUID(), BigDecimal.ONE));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jjj_outbox_backlog"))
                .body(containsString("jjj_outbox_oldest_age_seconds"));
    }
}
