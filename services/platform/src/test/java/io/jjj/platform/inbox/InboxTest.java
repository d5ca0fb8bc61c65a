package io.jjj.platform.inbox;

import io.jjj.platform.events.CloudEvent;
import io.jjj.platform.events.EventJson;
import io.jjj.platform.fixture.Widgets;
import io.jjj.testkit.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InboxTest {

    @Inject
    EventConsumers consumers;

    @Inject
    Widgets widgets;

    private static String event(UUID id, String subject) {
        return EventJson.write(new CloudEvent("1.0", id, "/jjj/elsewhere", "jjj.elsewhere.thing.happened.v1", subject,
                OffsetDateTime.now(), "application/json", EventJson.MAPPER.createObjectNode().put("n", 1)));
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        String topic = "jjj.elsewhere.v1." + UUID.randomUUID();
        String subject = "counter-" + UUID.randomUUID();
        AtomicInteger handlerCalls = new AtomicInteger();
        consumers.start("inbox-test-" + UUID.randomUUID(), List.of(topic), e -> {
            handlerCalls.incrementAndGet();
            widgets.bump(e.subject());
        });
        UUID first = UUID.randomUUID();
        TopicProbe.send(topic, subject, event(first, subject));
        TopicProbe.send(topic, subject, event(first, subject));
        UUID second = UUID.randomUUID();
        TopicProbe.send(topic, subject, event(second, subject));

        // same key, same partition: once the third record moved the counter to 2, the duplicate has been seen
        await().atMost(Duration.ofSeconds(60)).until(() -> widgets.counter(subject) >= 2);
        assertEquals(2, widgets.counter(subject));
        assertEquals(2, handlerCalls.get());
    }

    @Test
    void aHandlerFailureRollsBackTheInboxRecordSoTheEventIsRetried() {
        String subject = "retry-" + UUID.randomUUID();
        CloudEvent e = EventJson.read(event(UUID.randomUUID(), subject));
        AtomicInteger attempts = new AtomicInteger();
        EventHandler flaky = ev -> {
            widgets.bump(ev.subject());
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        };
        assertThrows(RuntimeException.class, () -> consumers.handleOnce("retry-test", e, flaky));
        assertEquals(0, widgets.counter(subject), "the failed attempt's effect was rolled back");
        assertTrue(consumers.handleOnce("retry-test", e, flaky));
        assertFalse(consumers.handleOnce("retry-test", e, flaky), "a third delivery has no effect");
        assertEquals(1, widgets.counter(subject));
        assertEquals(2, attempts.get());
    }
}
