package io.jjj.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped for 10 s and started again under reads and writes: every failure is a fast 503 problem
 * with Retry-After, the services come back by themselves, every acknowledged write is there afterwards and the
 * consumers lose nothing (the derived indicator equals the hand count, every event is on the topic). An event
 * the broker took just before the database went away may reach the topic twice (its outbox row could not be
 * marked sent): that is counted, not failed; the consumers' inbox makes it harmless.
 */
@Order(2)
class PostgresRestartFaultIT {

    static final Duration OUTAGE = Duration.ofSeconds(10);
    /** What a client may wait for an answer while the database is down: a refusal is fast, not a hang. */
    static final Duration FAST = Duration.ofSeconds(5);

    static Suite suite;
    static Faults faults;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        faults = new Faults(suite);
    }

    @Test
    void failuresAreFastAndNothingAcknowledgedOrConsumedIsLost() {
        Answers client = Answers.viaGateway(suite);
        ProjectWrites writes = new ProjectWrites(client, "pg-restart", 2002);
        writes.seed(20);
        List<ProjectWrites.Project> seeded = writes.projects();
        String derivedPath = writes.inboundCountPath();
        Map<String, Long> pidsBefore = pids();

        AtomicInteger step = new AtomicInteger();
        AtomicInteger read = new AtomicInteger();
        int faultFrom;
        int faultTo;
        long restart;
        Duration recovery;
        try (Load writer = new Load("writer", Duration.ofMillis(100), () -> {
                int i = step.getAndIncrement();
                if (i % 3 == 0) {
                    writes.feed(3);
                } else {
                    writes.toggle(seeded.get(i % seeded.size()));
                }
            });
             Load reader = new Load("reader", Duration.ofMillis(100), () -> {
                 int i = read.getAndIncrement();
                 client.get(i % 2 == 0 ? "/api/projects/" + seeded.get(i % seeded.size()).id : derivedPath);
             })) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writes.acknowledgedWrites() >= 10);
            // a burst the indicators' consumer is still handling when the database goes away
            writes.feed(40);
            faultFrom = client.all().size();
            faults.stop("postgres");
            long down = System.nanoTime();
            await().during(OUTAGE.minus(Faults.since(down))).atMost(OUTAGE.plusSeconds(10))
                    .until(() -> writer.failures().isEmpty() && reader.failures().isEmpty());
            restart = System.nanoTime();
            faults.start("postgres");
            Faults.eventually(Duration.ofSeconds(120), () -> writes.feed(1) && client.get(derivedPath).ok());
            recovery = Faults.since(restart);
            faultTo = client.all().size();
            int afterRecovery = writes.acknowledgedWrites();
            Faults.eventually(Duration.ofSeconds(60), () -> writes.acknowledgedWrites() >= afterRecovery + 10);
            assertEquals(List.of(), writer.failures(), "the writer itself");
            assertEquals(List.of(), reader.failures(), "the reader itself");
        }
        writes.settle(Duration.ofSeconds(60));

        List<Answers.Answer> duringFault = client.all().subList(faultFrom, faultTo);
        Duration longest = duringFault.stream().map(Answers.Answer::waited).max(Duration::compareTo).orElse(Duration.ZERO);
        List<Answers.Answer> badFailures = duringFault.stream().filter(a -> !a.ok() && !a.retryLater()).toList();
        List<Answers.Answer> slow = duringFault.stream().filter(a -> a.waited().compareTo(FAST) > 0).toList();
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        duringFault.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));

        Db projects = new Db(faults, "jjj_projects");
        Faults.eventually(Duration.ofSeconds(90), () -> new EventCount(writes, projects, faults).lostOnTopic().isEmpty());
        EventCount count = new EventCount(writes, projects, faults);
        Faults.eventually(Duration.ofSeconds(90), () -> ProjectWrites.derivedValue(client.get(derivedPath)) == writes.handCount());
        long derived = ProjectWrites.derivedValue(client.get(derivedPath));
        long found = writes.found();
        Map<String, Long> pidsAfter = pids();

        FaultReport.write(suite, "(b) postgres restarted", writes.acknowledgedWrites(), found, count.produced.size(), count.onTopic.size(),
                recovery, longest, "answers during the fault by status " + statuses + "; not a 503 problem with Retry-After "
                        + badFailures.size() + "; slower than " + FAST.toSeconds() + " s " + slow.size()
                        + "; ids twice on the topic " + count.duplicatesOnTopic().size()
                        + "; derived indicator " + derived + ", by hand " + writes.handCount());
        assertAll(
                () -> assertEquals(List.of(), EventCount.firstFew(badFailures), "every failure is a 503 problem with Retry-After"),
                () -> assertEquals(List.of(), EventCount.firstFew(slow), "no answer took longer than " + FAST.toSeconds() + " s"),
                () -> assertEquals(pidsBefore, pidsAfter, "the applications recovered without a restart"),
                () -> assertEquals(writes.acknowledgedWrites(), found, "every acknowledged write is found"),
                () -> assertEquals(List.of(), count.acknowledgedButNotProduced(writes), "each acknowledged write produced its event"),
                () -> assertEquals(List.of(), EventCount.firstFew(count.lostOnTopic()), "every event on the topic"),
                () -> assertEquals(writes.handCount(), derived, "the derived indicator lost no event"),
                () -> assertTrue(recovery.compareTo(Duration.ofSeconds(120)) < 0, "recovered within 120 s: " + recovery));
    }

    static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        Faults.APPS.forEach(app -> pids.put(app, faults.pid(app)));
        return pids;
    }
}
