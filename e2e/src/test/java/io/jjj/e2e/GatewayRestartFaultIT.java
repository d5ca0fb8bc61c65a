package io.jjj.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway restarted under SSE subscribers while a client keeps writing straight to the projects service:
 * the subscribers come back with Last-Event-ID and miss none of the events, counted by id.
 */
@Order(4)
class GatewayRestartFaultIT {

    static Suite suite;
    static Faults faults;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        faults = new Faults(suite);
    }

    @Test
    void subscribersResumeWithLastEventIdAndMissNothing() {
        Answers client = Answers.direct(faults, "projects");
        ProjectWrites writes = new ProjectWrites(client, "gateway-restart", 2004);
        URI events = URI.create(suite.gateway() + "/api/events?types=jjj.projects.");

        Duration recovery;
        List<Subscriber.Event> firstEvents;
        List<Subscriber.Event> secondEvents;
        List<String> firstAnswers;
        List<String> secondAnswers;
        EventCount count;
        try (Subscriber first = new Subscriber(events);
             Subscriber second = new Subscriber(events)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.open() && second.open());
            writes.seed(10);
            List<ProjectWrites.Project> seeded = writes.projects();
            AtomicInteger step = new AtomicInteger();
            try (Load writer = new Load("writer", Duration.ofMillis(100), () -> {
                int i = step.getAndIncrement();
                if (i % 3 == 0) {
                    writes.feed(3);
                } else {
                    writes.toggle(seeded.get(i % seeded.size()));
                }
            })) {
                await().atMost(Duration.ofSeconds(60)).until(() -> writes.acknowledgedWrites() >= 10);
                long restart = System.nanoTime();
                faults.stop("gateway");
                faults.start("gateway");
                Faults.eventually(Duration.ofSeconds(60), () -> first.open() && second.open()
                        && first.connections() > 1 && second.connections() > 1);
                recovery = Faults.since(restart);
                int afterRestart = writes.acknowledgedWrites();
                Faults.eventually(Duration.ofSeconds(60), () -> writes.acknowledgedWrites() >= afterRestart + 10);
                assertEquals(List.of(), writer.failures(), "the writer itself");
            }
            Db projects = new Db(faults, "jjj_projects");
            Faults.eventually(Duration.ofSeconds(60), () -> new EventCount(writes, projects, faults).lostOnTopic().isEmpty());
            count = new EventCount(writes, projects, faults);
            Faults.eventually(Duration.ofSeconds(30), () -> count.missedBy(Subscriber.ids(first.events())).isEmpty()
                    && count.missedBy(Subscriber.ids(second.events())).isEmpty());
            firstEvents = Subscriber.ours(writes, first.events());
            secondEvents = Subscriber.ours(writes, second.events());
            firstAnswers = first.connectAnswers();
            secondAnswers = second.connectAnswers();
        }
        List<Answers.Answer> failed = client.where(a -> !a.ok());

        FaultReport.write(suite, "(d) gateway restarted", writes.acknowledgedWrites(), writes.found(), count.produced.size(),
                Math.min(firstEvents.size(), secondEvents.size()), recovery, client.longest(),
                "ids twice on the topic " + count.duplicatesOnTopic().size() + "; SSE subscribers received " + firstEvents.size() + " and " + secondEvents.size() + " events over "
                        + firstAnswers.size() + " and " + secondAnswers.size() + " connection attempts; the first's answers after the restart "
                        + firstAnswers.subList(Math.max(0, firstAnswers.size() - 3), firstAnswers.size()));
        assertAll(
                () -> assertEquals(List.of(), failed, "the writes straight to the service all succeeded"),
                () -> assertTrue(firstAnswers.size() > 1 && secondAnswers.size() > 1, "both reconnected: " + firstAnswers + " " + secondAnswers),
                () -> assertTrue(firstAnswers.stream().skip(1).anyMatch(a -> a.startsWith("200 after ")), "resumed with Last-Event-ID: " + firstAnswers),
                () -> assertEquals(List.of(), EventCount.firstFew(count.lostOnTopic()), "every event on the topic"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.missedBy(Subscriber.ids(firstEvents))), "the first subscriber missed none"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.missedBy(Subscriber.ids(secondEvents))), "the second subscriber missed none"),
                () -> assertEquals(Map.of(), count.doubledBeyondTopic(Subscriber.ids(firstEvents)), "the first subscriber got each as often as the topic holds it"),
                () -> assertEquals(Map.of(), count.doubledBeyondTopic(Subscriber.ids(secondEvents)), "the second subscriber got each as often as the topic holds it"));
    }
}
