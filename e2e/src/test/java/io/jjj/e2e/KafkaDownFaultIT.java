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
 * The broker stopped for 30 s while a client keeps writing: no write fails, no process stops being ready, every
 * event reaches the topic exactly once and every SSE subscriber, and the derived indicator equals the hand count.
 */
@Order(1)
class KafkaDownFaultIT {

    static final Duration OUTAGE = Duration.ofSeconds(30);

    static Suite suite;
    static Faults faults;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        faults = new Faults(suite);
    }

    @Test
    void writesGoOnAndNothingIsLostOrDuplicatedWhileTheBrokerIsDown() {
        Answers client = Answers.viaGateway(suite);
        ProjectWrites writes = new ProjectWrites(client, "kafka-down", 2001);
        URI events = URI.create(suite.gateway() + "/api/events?types=jjj.projects.");

        Duration recovery;
        Duration longestDuringFault;
        EventCount count;
        List<Subscriber.Event> firstSubscriber;
        List<Subscriber.Event> secondSubscriber;
        Map<String, List<String>> notReady;
        List<Answers.Answer> failed;
        int polls;
        try (ReadinessWatch readiness = new ReadinessWatch(faults);
             Subscriber first = new Subscriber(events);
             Subscriber second = new Subscriber(events)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.open() && second.open());
            writes.seed(20);
            List<ProjectWrites.Project> toCancel = writes.projects().subList(0, 3);
            List<ProjectWrites.Project> toToggle = writes.projects().subList(3, writes.projects().size());
            AtomicInteger step = new AtomicInteger();
            int answersBefore;
            long restart;
            try (Load writer = new Load("writer", Duration.ofMillis(100), () -> {
                int i = step.getAndIncrement();
                if (i % 3 == 0) {
                    writes.feed(3);
                } else {
                    writes.toggle(toToggle.get(i % toToggle.size()));
                }
            })) {
                await().atMost(Duration.ofSeconds(60)).until(() -> writes.acknowledgedWrites() >= 10);
                faults.stop("kafka");
                answersBefore = client.all().size();
                long down = System.nanoTime();
                toCancel.forEach(writes::cancel);
                // the broker stays down for the whole outage while the writer goes on
                await().during(OUTAGE.minus(Faults.since(down))).atMost(OUTAGE.plusSeconds(10))
                        .until(() -> writer.failures().isEmpty());
                restart = System.nanoTime();
                faults.start("kafka");
                longestDuringFault = client.all().subList(answersBefore, client.all().size()).stream()
                        .map(Answers.Answer::waited).max(Duration::compareTo).orElse(Duration.ZERO);
                int afterRestart = writes.acknowledgedWrites();
                Faults.eventually(Duration.ofSeconds(60), () -> writes.acknowledgedWrites() >= afterRestart + 10);
                assertEquals(List.of(), writer.failures(), "the writer itself");
            }
            Db projects = new Db(faults, "jjj_projects");
            Faults.eventually(Duration.ofSeconds(90), () -> {
                EventCount c = new EventCount(writes, projects, faults);
                return c.lostOnTopic().isEmpty() && c.produced.size() >= writes.expectedEvents();
            });
            recovery = Faults.since(restart);
            count = new EventCount(writes, projects, faults);
            Faults.eventually(Duration.ofSeconds(30), () -> count.missedBy(Subscriber.ids(first.events())).isEmpty()
                    && count.missedBy(Subscriber.ids(second.events())).isEmpty());
            firstSubscriber = first.events();
            secondSubscriber = second.events();
            notReady = readiness.notReady();
            polls = readiness.polls();
            failed = client.where(a -> !a.ok());
        }
        String derivedPath = writes.inboundCountPath();
        Faults.eventually(Duration.ofSeconds(60), () -> ProjectWrites.derivedValue(client.get(derivedPath)) == writes.handCount());
        long derived = ProjectWrites.derivedValue(client.get(derivedPath));
        long found = writes.found();

        FaultReport.write(suite, "(a) kafka down 30 s", writes.acknowledgedWrites(), found, count.produced.size(), count.onTopic.size(),
                recovery, longestDuringFault, "not-ready answers " + notReady.values().stream().mapToInt(List::size).sum() + " of "
                        + polls + " polls; SSE received " + Subscriber.ours(writes, firstSubscriber).size() + " and " + Subscriber.ours(writes, secondSubscriber).size()
                        + "; derived indicator " + derived + ", by hand " + writes.handCount());
        assertAll(
                () -> assertEquals(List.of(), failed, "every write answered 2xx"),
                () -> assertTrue(notReady.values().stream().allMatch(List::isEmpty), "every process stayed ready: " + notReady),
                () -> assertEquals(writes.acknowledgedWrites(), found, "every acknowledged write is found"),
                () -> assertEquals(writes.handCount(), derived, "projects.inbound.count equals the hand count"),
                () -> assertEquals(List.of(), count.acknowledgedButNotProduced(writes), "each acknowledged write produced its event"),
                () -> assertEquals(writes.expectedEvents(), count.produced.size(), "one event per acknowledged write, no more"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.lostOnTopic()), "every event on the topic"),
                () -> assertEquals(Map.of(), count.duplicatesOnTopic(), "no event twice on the topic"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.missedBy(Subscriber.ids(firstSubscriber))), "the first SSE subscriber missed none"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.missedBy(Subscriber.ids(secondSubscriber))), "the second SSE subscriber missed none"));
    }
}
