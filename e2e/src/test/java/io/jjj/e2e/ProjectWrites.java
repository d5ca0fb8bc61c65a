package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes to the project registry as an integration would, and keeps the hand count of what was acknowledged:
 * projects registered by small feeds (each feed with an Idempotency-Key), and status changes with a note of
 * their own, so that each acknowledged write can be looked for afterwards, in the registry and as an event.
 * Every project of one instance is signed in its own year, destined for Caofeidian (130209), so that
 * {@code projects.inbound.count} for that year and region is exactly the count of its projects not cancelled.
 */
final class ProjectWrites {

    static final String DESTINATION = "130209";
    static final String TYPE_REGISTERED = "jjj.projects.project.registered.v1";
    static final String TYPE_STATUS_CHANGED = "jjj.projects.project.status-changed.v1";

    /** A project this workload registered: its id once known, its last acknowledged status. */
    static final class Project {
        final String ref;
        String id;
        String status = "operational";
        boolean uncertain;

        Project(String ref) {
            this.ref = ref;
        }
    }

    private final Answers client;
    private final String prefix;
    private final int signedYear;
    private final AtomicInteger refs = new AtomicInteger();
    private final AtomicInteger notes = new AtomicInteger();
    private final Map<String, Project> registered = new LinkedHashMap<>();
    private final Map<String, List<String>> unacknowledgedFeeds = new LinkedHashMap<>();
    private final Set<String> acknowledgedNotes = new LinkedHashSet<>();
    private final Set<String> cancelled = new LinkedHashSet<>();
    private final List<List<String>> acknowledgedFeeds = new ArrayList<>();

    ProjectWrites(Answers client, String name, int signedYear) {
        this.client = client;
        this.prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.signedYear = signedYear;
    }

    /** Registers {@code n} projects before any fault, insisting until the feed is acknowledged; learns their ids. */
    void seed(int n) {
        List<String> refs = newRefs(n);
        String key = prefix + "seed";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answers.Answer a;
        do {
            a = postFeed(refs, key);
        } while (!a.ok() && System.nanoTime() < deadline);
        assertTrue(a.ok(), "the seed feed: " + a);
        acknowledge(refs);
        learnIds();
    }

    /** One small feed of {@code n} new projects; true when acknowledged (else it is retried by {@link #settle}). */
    boolean feed(int n) {
        List<String> refs = newRefs(n);
        String key = prefix + "feed-" + refs.get(0);
        Answers.Answer a = postFeed(refs, key);
        if (a.ok()) {
            acknowledge(refs);
        } else {
            synchronized (this) {
                unacknowledgedFeeds.put(key, refs);
            }
        }
        return a.ok();
    }

    /** Suspends an operational project or resumes a suspended one; true when acknowledged. */
    boolean toggle(Project p) {
        if (p.uncertain && !relearn(p)) {
            return false;
        }
        return changeStatus(p, p.status.equals("operational") ? "suspended" : "operational");
    }

    boolean cancel(Project p) {
        if (p.uncertain && !relearn(p)) {
            return false;
        }
        boolean ok = changeStatus(p, "cancelled");
        if (ok) {
            synchronized (this) {
                cancelled.add(p.ref);
            }
        }
        return ok;
    }

    private boolean changeStatus(Project p, String to) {
        String note = prefix + "note-" + notes.incrementAndGet();
        String body = "{\"status\":\"" + to + "\",\"effective\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"note\":\"" + note + "\"}";
        Answers.Answer a = client.post("/api/projects/" + p.id + "/status", "application/json", body, Map.of());
        if (a.ok()) {
            synchronized (this) {
                p.status = to;
                acknowledgedNotes.add(note);
            }
        } else {
            p.uncertain = true; // the change may or may not have been applied: read it before the next one
        }
        return a.ok();
    }

    /** Reads a project's status after an answer that left it unknown. */
    private boolean relearn(Project p) {
        Answers.Answer a = client.get("/api/projects/" + p.id);
        if (!a.ok()) {
            return false;
        }
        p.status = a.json().path("status").asText();
        p.uncertain = false;
        return true;
    }

    /** Retries every feed that was not acknowledged, with its own key, until each is (after the fault). */
    void settle(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, List<String>> pending;
        synchronized (this) {
            pending = new LinkedHashMap<>(unacknowledgedFeeds);
        }
        for (Map.Entry<String, List<String>> feed : pending.entrySet()) {
            Answers.Answer a;
            do {
                a = postFeed(feed.getValue(), feed.getKey());
            } while (!a.ok() && System.nanoTime() < deadline);
            assertTrue(a.ok(), "the retried feed " + feed.getKey() + ": " + a);
            synchronized (this) {
                unacknowledgedFeeds.remove(feed.getKey());
            }
            acknowledge(feed.getValue());
        }
    }

    private Answers.Answer postFeed(List<String> refs, String key) {
        StringBuilder csv = new StringBuilder("ref,name_en,kind,sector,origin,destination,status,signed\n");
        for (String ref : refs) {
            csv.append(ref).append(",Fault test project ").append(ref).append(",science-park,high-tech,110108,")
                    .append(DESTINATION).append(",operational,").append(signedYear).append('\n');
        }
        return client.post("/api/projects/feeds/projects", "text/csv", csv.toString(), Map.of("Idempotency-Key", key));
    }

    private synchronized List<String> newRefs(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(prefix + String.format("%05d", refs.incrementAndGet()));
        }
        return list;
    }

    private synchronized void acknowledge(List<String> refs) {
        for (String ref : refs) {
            registered.put(ref, new Project(ref));
        }
        acknowledgedFeeds.add(List.copyOf(refs));
    }

    /** Reads the ids of the projects of this workload (they are signed in its year). */
    void learnIds() {
        Answers.Answer a = client.get("/api/projects?signedFrom=" + signedYear + "&signedTo=" + signedYear + "&size=1000");
        assertTrue(a.ok(), a.toString());
        for (JsonNode item : a.json().path("items")) {
            Project p;
            synchronized (this) {
                p = registered.get(item.path("ref").asText());
            }
            if (p != null) {
                p.id = item.path("id").asText();
            }
        }
    }

    /**
     * How many acknowledged writes are found in the registry: each acknowledged feed whose projects are all
     * listed, and each acknowledged status change whose note is in its project's history.
     */
    long found() {
        Answers.Answer listing = client.get("/api/projects?signedFrom=" + signedYear + "&signedTo=" + signedYear + "&size=1000");
        assertTrue(listing.ok(), listing.toString());
        Set<String> listed = new LinkedHashSet<>();
        listing.json().path("items").forEach(item -> listed.add(item.path("ref").asText()));
        long found;
        Set<String> notesToFind;
        synchronized (this) {
            found = acknowledgedFeeds.stream().filter(listed::containsAll).count();
            notesToFind = new LinkedHashSet<>(acknowledgedNotes);
        }
        for (Project p : projects()) {
            Answers.Answer history = client.get("/api/projects/" + p.id + "/history");
            assertTrue(history.ok(), history.toString());
            found += notesToFind.stream().filter(n -> history.body().contains("\"" + n + "\"")).count();
        }
        return found;
    }

    /** The projects whose id is known, in registration order. */
    synchronized List<Project> projects() {
        return registered.values().stream().filter(p -> p.id != null).toList();
    }

    boolean ours(String ref) {
        return ref.startsWith(prefix);
    }

    synchronized Set<String> registeredRefs() {
        return new LinkedHashSet<>(registered.keySet());
    }

    synchronized Set<String> acknowledgedNotes() {
        return new LinkedHashSet<>(acknowledgedNotes);
    }

    /** Feeds and status changes answered 2xx. */
    synchronized int acknowledgedWrites() {
        return acknowledgedFeeds.size() + acknowledgedNotes.size();
    }

    /** The events the acknowledged writes must have produced: one per registered project and per status change. */
    synchronized int expectedEvents() {
        return registered.size() + acknowledgedNotes.size();
    }

    /** {@code projects.inbound.count} for Caofeidian in this year, counted by hand. */
    synchronized long handCount() {
        return registered.size() - cancelled.size();
    }

    String inboundCountPath() {
        return "/api/observations?indicator=projects.inbound.count&region=" + DESTINATION + "&from=" + signedYear + "&to=" + signedYear;
    }

    /** The derived value for this year, or -1 while there is none. */
    static long derivedValue(Answers.Answer a) {
        assertEquals(200, a.status(), a.toString());
        JsonNode items = a.json().path("items");
        return items.isEmpty() ? -1 : Math.round(items.path(0).path("value").asDouble());
    }

    String prefix() {
        return prefix;
    }
}
