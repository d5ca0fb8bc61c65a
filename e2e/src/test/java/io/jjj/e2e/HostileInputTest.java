package io.jjj.e2e;

import io.jjj.testkit.RawHttp;

import io.jjj.platform.security.GatewayToken;

import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.e2e.ApiDocument.Operation;
import io.jjj.e2e.HostileCorpus.Credential;
import io.jjj.e2e.HostileCorpus.Expect;
import io.jjj.e2e.HostileCorpus.Probe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile client, driven by the merged OpenAPI document: for every operation, path bypass forms, missing, wrong,
 * out-of-scope and forged credentials, hostile parameter values and broken bodies. It fails on any 5xx, any 4xx that
 * is not problem+json, any answer that shows a stack trace or a Java class name, any write or admin read accepted
 * without its scope, and any change those unauthorised requests made. Runs last: its authorised probes may change data.
 */
@Order(100)
class HostileInputTest {

    /** The development default of the services' token secret, public in the repository: a forger knows it. */
    static final String DEVELOPMENT_TOKEN_SECRET = "jjj-local-development-secret-change-me";
    static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|jakarta|io\\.quarkus|io\\.vertx|io\\.netty|io\\.smallrye|org\\.hibernate|org\\.postgresql|org\\.jboss"
                    + "|com\\.fasterxml|io\\.jjj)\\.[a-zA-Z]|\\b[A-Z]\\w*Exception\\b|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");
    static final String PROBLEM = "application/problem+json";
    static final int THREADS = 4;

    record Finding(String rule, Probe probe, int status, String detail) {
        String group() {
            Operation op = probe.operation();
            return rule + " | " + (op == null ? probe.method() + " " + probe.inputClass() : op) + " | " + probe.category() + " | "
                    + probe.inputClass() + " | " + probe.credential() + " | " + (status < 0 ? "no answer" : status);
        }

        String line() {
            String body = probe.body() == null || probe.body().length == 0 ? ""
                    : " [" + probe.headers().stream().filter(h -> h.getKey().equals("Content-Type")).map(Map.Entry::getValue).findFirst().orElse("no Content-Type")
                    + ": " + abbreviate(new String(probe.body(), StandardCharsets.UTF_8), 120) + "]";
            return probe.method() + " " + (probe.direct() ? "[" + probe.directService() + " port] " : "") + abbreviate(probe.target(), 160)
                    + body + " -> " + (status < 0 ? "no answer" : status) + (detail.isEmpty() ? "" : " " + abbreviate(detail, 200));
        }
    }

    private final Random random = new Random(11);
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> acceptedHostileWrites = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimitedRetries = new AtomicInteger();
    private final AtomicInteger refusedByHttpParser = new AtomicInteger();
    private final List<Map.Entry<Long, String>> slowest = Collections.synchronizedList(new ArrayList<>());
    private Suite suite;
    private RawHttp gateway;
    private final Map<String, RawHttp> serviceClients = new ConcurrentHashMap<>();
    private final Map<String, String> outOfScopeKeys = new TreeMap<>();
    /** A key that exists, so that reading it without the admin scope would show something. */
    private String existingKeyId;

    @Test
    void noHostileRequestGetsPastTheEdgeOrBreaksAService() throws IOException {
        suite = Suite.get();
        long started = System.nanoTime();
        gateway = new RawHttp("localhost", suite.gatewayPort);

        RawHttp.Response openapi = gateway.send("GET", "/openapi.json", List.of(Map.entry("Accept", "application/json")), null);
        assertEquals(200, openapi.status(), openapi.body());
        ApiDocument api = new ApiDocument(Http.JSON.readTree(openapi.body()));
        Set<String> services = api.operations.stream().map(Operation::service).collect(Collectors.toSet());
        assertTrue(services.containsAll(Set.of("gateway", "indicators", "projects", "transport")),
                "the merged document has every service's operations: " + services);
        HostileCorpus corpus = new HostileCorpus(api, suite.gatewayPort);

        JsonNode transportWriter = createKey("hostile-input-transport-writer", "transport:write");
        JsonNode indicatorsWriter = createKey("hostile-input-indicators-writer", "indicators:write");
        outOfScopeKeys.put("indicators:write", transportWriter.path("secret").asText());
        outOfScopeKeys.put("transport:write", indicatorsWriter.path("secret").asText());
        existingKeyId = transportWriter.path("id").asText();

        Map<String, String> before = snapshot(api);
        Set<String> volatileReads = volatileReads(before, snapshot(api));

        List<Probe> unauthorised = pathBypassProbes(api, corpus);
        int bypassCorpus = unauthorised.size();
        unauthorised.addAll(credentialProbes(api, corpus));
        long unauthorisedStarted = System.nanoTime();
        run(unauthorised);
        Duration unauthorisedTook = Duration.ofNanos(System.nanoTime() - unauthorisedStarted);

        findChanges(before, snapshot(api), volatileReads);

        List<Probe> hostileInput = hostileInputProbes(api, corpus);
        long hostileInputStarted = System.nanoTime();
        run(hostileInput);
        Duration hostileInputTook = Duration.ofNanos(System.nanoTime() - hostileInputStarted);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        report(bypassCorpus, volatileReads, took, "unauthorised " + unauthorisedTook.toMillis() / 1000.0 + " s, hostile input "
                + hostileInputTook.toMillis() / 1000.0 + " s");
        assertTrue(findings.isEmpty(), findings.size() + " findings in " + groups().size() + " groups (method, raw target, status):\n"
                + describe(Integer.MAX_VALUE));
    }

    // ---- the corpus ---------------------------------------------------------------------------------------------------

    /** Every bypass form of every operation's path, without a key and, where a scope is needed, with a key lacking it. */
    private List<Probe> pathBypassProbes(ApiDocument api, HostileCorpus corpus) {
        List<Probe> unauthorised = new ArrayList<>();
        for (Operation op : api.operations) {
            String path = concretePath(op);
            String query = op.query(Map.of());
            List<Map.Entry<String, String>> contentType = HostileCorpus.contentTypeOf(op);
            List<Credential> callers = op.scope() == null ? List.of(Credential.NONE) : List.of(Credential.NONE, Credential.OUT_OF_SCOPE_KEY);
            Expect expect = op.scope() == null ? Expect.ANY : Expect.CLIENT_ERROR;
            for (Credential caller : callers) {
                for (Map.Entry<String, String> form : corpus.bypassForms(op, path)) {
                    unauthorised.add(new Probe("path bypass", form.getKey(), op, op.method(), form.getValue() + query, caller,
                            contentType, corpus.validBody(op), expect, null, null));
                }
            }
        }
        for (Map.Entry<String, String> escape : HostileCorpus.escapeForms()) {
            unauthorised.add(new Probe("path bypass", "dot-segments out of /api", null, "GET", escape.getKey(), Credential.NONE,
                    List.of(), null, Expect.NOT_A_SERVICE_ENDPOINT, null, escape.getValue()));
        }
        return unauthorised;
    }

    /**
     * On every operation that needs a scope: no key, made-up keys and tokens, a key without the scope; the forged
     * tokens also straight to the service; broken bodies without a key.
     */
    private List<Probe> credentialProbes(ApiDocument api, HostileCorpus corpus) {
        List<Probe> unauthorised = new ArrayList<>();
        for (Operation op : api.operations) {
            if (op.scope() == null) {
                continue;
            }
            List<Map.Entry<String, String>> contentType = HostileCorpus.contentTypeOf(op);
            for (Credential caller : List.of(Credential.NONE, Credential.RANDOM_BEARER, Credential.RANDOM_API_KEY, Credential.EMPTY_BEARER,
                    Credential.TRUNCATED_ADMIN_KEY, Credential.MADE_UP_GATEWAY_TOKEN, Credential.DEVELOPMENT_SECRET_GATEWAY_TOKEN, Credential.OUT_OF_SCOPE_KEY)) {
                unauthorised.add(new Probe("credentials", caller.name().toLowerCase(Locale.ROOT).replace('_', ' '), op, op.method(), concretePath(op) + op.query(Map.of()), caller,
                        contentType, corpus.validBody(op), Expect.AUTH_REFUSAL, null, null));
            }
            if (!op.service().equals("gateway")) {
                for (Credential forged : List.of(Credential.NONE, Credential.MADE_UP_GATEWAY_TOKEN, Credential.DEVELOPMENT_SECRET_GATEWAY_TOKEN)) {
                    unauthorised.add(new Probe("credentials straight to the service", forged.name().toLowerCase(Locale.ROOT).replace('_', ' '), op,
                            op.method(), op.target(), forged, contentType, corpus.validBody(op), Expect.AUTH_REFUSAL, op.service(), null));
                }
            }
            if (!op.bodies().isEmpty()) {
                for (HostileCorpus.BrokenBody broken : corpus.brokenBodies(op)) {
                    if (Set.of("wrong content type", "oversized body", "malformed body").contains(broken.inputClass())) {
                        unauthorised.add(new Probe("broken body without a key", broken.inputClass(), op, op.method(), op.target(),
                                Credential.NONE, contentTypeHeader(broken.contentType()), broken.bytes(), Expect.CLIENT_ERROR, null, null));
                    }
                }
            }
        }
        return unauthorised;
    }

    /** Hostile parameters and broken bodies on every operation, with the scope it needs (open reads with a key for its rate limit). */
    private List<Probe> hostileInputProbes(ApiDocument api, HostileCorpus corpus) {
        List<Probe> hostileInput = new ArrayList<>();
        for (Operation op : api.operations) {
            Credential caller = op.scope() == null ? Credential.KEY_ON_AN_OPEN_READ : Credential.ADMIN_KEY;
            hostileInput.addAll(corpus.parameterProbes(op, caller));
            if (!op.bodies().isEmpty()) {
                for (HostileCorpus.BrokenBody broken : corpus.brokenBodies(op)) {
                    hostileInput.add(new Probe("body", broken.inputClass(), op, op.method(), op.target(), caller,
                            contentTypeHeader(broken.contentType()), broken.bytes(), Expect.ANY, null, null));
                }
            }
        }
        return hostileInput;
    }

    // ---- sending ----------------------------------------------------------------------------------------------------

    /**
     * Sends the probes on a few threads, except those with the admin key: each service's go one at a time, in order,
     * so no two of them race for the same entity and every run sees the same answers.
     */
    private void run(List<Probe> probes) {
        Map<String, List<Probe>> authorisedByService = probes.stream().filter(p -> p.credential() == Credential.ADMIN_KEY)
                .collect(Collectors.groupingBy(p -> p.operation().service(), TreeMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + authorisedByService.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            authorisedByService.values().forEach(inOrder -> done.add(pool.submit(() -> inOrder.forEach(this::judge))));
            probes.stream().filter(p -> p.credential() != Credential.ADMIN_KEY).forEach(p -> done.add(pool.submit(() -> judge(p))));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends a probe; a 429 is sent again until the rate limit lets it through, so every probe gets a real answer. */
    private RawHttp.Response send(Probe probe) {
        RawHttp client = probe.direct() ? serviceClients.computeIfAbsent(probe.directService(),
                service -> new RawHttp("localhost", Integer.parseInt(suite.env.get("JJJ_" + service.toUpperCase(Locale.ROOT) + "_PORT")))) : gateway;
        List<Map.Entry<String, String>> headers = new ArrayList<>(probe.headers());
        headers.addAll(credentialHeaders(probe));
        sent.computeIfAbsent(probe.category(), c -> new AtomicInteger()).incrementAndGet();
        return sendPastRateLimit(client, probe.method(), probe.target(), headers, probe.body());
    }

    private RawHttp.Response sendPastRateLimit(RawHttp client, String method, String target, List<Map.Entry<String, String>> headers,
                                               byte[] body) {
        RawHttp.Response first = client.send(method, target, headers, body);
        if (first.status() != 429) {
            return first;
        }
        AtomicReference<RawHttp.Response> last = new AtomicReference<>(first);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            rateLimitedRetries.incrementAndGet();
            last.set(client.send(method, target, headers, body));
            return last.get().status() != 429;
        });
        return last.get();
    }

    /**
     * A request that is not valid HTTP/1.1 (a request target with a byte RFC 9112 does not allow, such as a backslash,
     * a space or a control character, or a '%' that does not start an escape; a request line over the server's 4 KiB;
     * a control character in a header value)
     * is refused by the HTTP parser itself, with a bare 400, 414 or 431, before any handler can answer it. That is
     * counted apart, not as a finding: what a handler answers must be problem+json.
     */
    private static final Pattern INVALID_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private static boolean refusedAsNotHttp(Probe probe, RawHttp.Response r) {
        boolean bare = r.body().isEmpty() && r.header("X-Request-Id") == null && Set.of(400, 414, 431).contains(r.status());
        boolean invalidTarget = probe.target().chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '\\')
                || INVALID_ESCAPE.matcher(probe.target()).find()
                || (probe.method() + " " + probe.target() + " HTTP/1.1").length() > 4096;
        boolean invalidHeader = probe.headers().stream().anyMatch(h -> h.getValue().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f));
        return bare && (invalidTarget || invalidHeader);
    }

    private void judge(Probe probe) {
        RawHttp.Response r;
        long started = System.nanoTime();
        try {
            r = send(probe);
        } catch (UncheckedIOException e) {
            findings.add(new Finding("no HTTP answer", probe, -1, e.getCause().getMessage()));
            return;
        }
        slowest.add(Map.entry(Duration.ofNanos(System.nanoTime() - started).toMillis(), probe.operation() + " | " + probe.category() + " | "
                + probe.inputClass() + " -> " + r.status()));
        int status = r.status();
        String detail = problemDetail(r);
        if (status >= 500) {
            findings.add(new Finding("5xx", probe, status, detail));
        }
        if (status >= 400 && status < 500 && !r.mediaType().equals(PROBLEM) && refusedAsNotHttp(probe, r)) {
            refusedByHttpParser.incrementAndGet();
        } else if (status >= 400 && status < 500 && !r.mediaType().equals(PROBLEM)) {
            findings.add(new Finding("4xx not problem+json", probe, status, "Content-Type: " + r.header("Content-Type")
                    + (r.header("X-Request-Id") == null ? " (no X-Request-Id: answered before the gateway's own handlers)" : "")
                    + " " + abbreviate(r.body(), 100)));
        }
        if (probe.expect() != Expect.NOT_A_SERVICE_ENDPOINT) {
            var leak = LEAK.matcher(r.body());
            if (leak.find()) {
                int from = Math.max(0, leak.start() - 60);
                findings.add(new Finding("stack trace or class name in the answer", probe, status,
                        r.body().substring(from, Math.min(r.body().length(), leak.end() + 60))));
            }
        }
        boolean success = status >= 200 && status < 400;
        switch (probe.expect()) {
            case AUTH_REFUSAL -> {
                if (success) {
                    findings.add(new Finding(probe.operation().write() ? "write accepted without its scope" : "admin read answered without its scope",
                            probe, status, abbreviate(r.body(), 120)));
                } else if (status != 401 && status != 403 && status < 500) {
                    findings.add(new Finding("passed the credential check (answer is neither 401 nor 403)", probe, status, detail));
                }
            }
            case CLIENT_ERROR -> {
                if (success) {
                    findings.add(new Finding(probe.operation().write() ? "write accepted without its scope" : "admin read answered without its scope",
                            probe, status, abbreviate(r.body(), 120)));
                }
            }
            case NOT_A_SERVICE_ENDPOINT -> {
                if (success) {
                    RawHttp.Response own = sendPastRateLimit(gateway, "GET", probe.canonicalPath(), List.of(), null);
                    if (!fingerprint(own.body()).containsAll(fingerprint(r.body()))) {
                        findings.add(new Finding("a service's own endpoint reached through the gateway", probe, status,
                                "not what the gateway answers for " + probe.canonicalPath() + ": " + abbreviate(r.body(), 120)));
                    }
                }
            }
            case ANY -> {
                if (success && probe.operation() != null && probe.operation().write()) {
                    acceptedHostileWrites.computeIfAbsent(probe.operation() + " | " + probe.category() + " | " + probe.inputClass() + " | " + status,
                            k -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    private List<Map.Entry<String, String>> credentialHeaders(Probe probe) {
        return switch (probe.credential()) {
            case NONE -> List.of();
            case RANDOM_BEARER -> List.of(Map.entry("Authorization", "Bearer jjj_" + randomToken(43)));
            case RANDOM_API_KEY -> List.of(Map.entry("X-API-Key", randomToken(32)));
            case EMPTY_BEARER -> List.of(Map.entry("Authorization", "Bearer "));
            case TRUNCATED_ADMIN_KEY -> List.of(Map.entry("Authorization", "Bearer " + suite.adminKey.substring(0, suite.adminKey.length() - 1)));
            case MADE_UP_GATEWAY_TOKEN -> List.of(Map.entry("X-JJJ-Gateway-Token", randomToken(40) + "." + randomToken(43)));
            case DEVELOPMENT_SECRET_GATEWAY_TOKEN -> List.of(Map.entry(GatewayToken.HEADER, developmentSecretToken(probe)));
            case OUT_OF_SCOPE_KEY -> List.of(Map.entry("Authorization", "Bearer " + outOfScopeKeys.get(
                    probe.operation().scope().equals("transport:write") ? "transport:write" : "indicators:write")));
            case KEY_ON_AN_OPEN_READ -> List.of(Map.entry("Authorization", "Bearer " + outOfScopeKeys.get(
                    probe.operation().service().equals("transport") ? "transport:write" : "indicators:write")));
            case ADMIN_KEY -> List.of(Map.entry("Authorization", "Bearer " + suite.adminKey));
        };
    }

    private synchronized String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * An admin token for exactly this call, signed with the development secret the services used to default to: only
     * the secret is wrong.
     */
    static String developmentSecretToken(Probe probe) {
        String target = probe.target();
        int query = target.indexOf('?');
        String service = probe.operation() == null ? "gateway" : probe.operation().service();
        return GatewayToken.issue(DEVELOPMENT_TOKEN_SECRET, "admin", List.of("admin"),
                new GatewayToken.Call(service, probe.method(), query < 0 ? target : target.substring(0, query)), Duration.ofMinutes(1));
    }

    private static List<Map.Entry<String, String>> contentTypeHeader(String contentType) {
        return contentType.isEmpty() ? List.of() : List.of(Map.entry("Content-Type", contentType));
    }

    // ---- state ------------------------------------------------------------------------------------------------------

    /**
     * The operation's path at its examples; a key read names a key that exists, so that a read past the scope check
     * shows it (a revocation keeps the example id: it must not succeed even by mistake).
     */
    private String concretePath(Operation op) {
        return op.method().equals("GET") && op.template().equals("/api/keys/{id}") ? op.path(Map.of("id", existingKeyId)) : op.path(Map.of());
    }

    private JsonNode createKey(String name, String scope) {
        byte[] body = ("{\"name\":\"" + name + "\",\"scopes\":[\"" + scope + "\"]}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response created = gateway.send("POST", "/api/keys", List.of(Map.entry("Content-Type", "application/json"),
                Map.entry("Authorization", "Bearer " + suite.adminKey)), body);
        assertEquals(201, created.status(), created.body());
        try {
            return Http.JSON.readTree(created.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every read of the document at its example (the keys with the admin key): what the unauthorised requests must not change. */
    private Map<String, String> snapshot(ApiDocument api) {
        Map<String, String> reads = new TreeMap<>();
        for (Operation op : api.operations) {
            if (op.method().equals("GET") && !op.template().equals("/api/events")) {
                boolean paged = op.params("query").stream().anyMatch(p -> p.name().equals("size"));
                String target = concretePath(op) + op.query(paged ? Map.of("size", "1000", "page", "0") : Map.of());
                RawHttp.Response r = gateway.send("GET", target, List.of(Map.entry("Authorization", "Bearer " + suite.adminKey),
                        Map.entry("Accept", "application/json")), null);
                reads.put(target, r.status() + " " + versionTag(r.header("ETag")) + " " + r.body());
            }
        }
        return reads;
    }

    /**
     * An entity's version tag ({@code "3"}) says what the resource is; a read's data-version tag moves with any commit in
     * the cluster (the outbox relay's included), so it says nothing about what the read shows.
     */
    private static String versionTag(String etag) {
        return etag != null && etag.matches("\"\\d+\"") ? etag : "";
    }

    private void findChanges(Map<String, String> before, Map<String, String> after, Set<String> volatileReads) {
        for (Map.Entry<String, String> read : before.entrySet()) {
            if (!volatileReads.contains(read.getKey()) && !read.getValue().equals(after.get(read.getKey()))) {
                Probe check = new Probe("state check", read.getKey().split("\\?", 2)[0], null, "GET", read.getKey(), Credential.ADMIN_KEY,
                        List.of(), null, Expect.ANY, null, null);
                findings.add(new Finding("unauthorised requests changed what a read shows", check, 0,
                        "before: " + abbreviate(read.getValue(), 300) + " after: " + abbreviate(after.get(read.getKey()), 300)));
            }
        }
    }

    /** Reads that changed between two snapshots with nothing sent in between: they cannot tell whether anything changed. */
    private static Set<String> volatileReads(Map<String, String> first, Map<String, String> second) {
        return first.keySet().stream().filter(k -> !first.get(k).equals(second.get(k))).collect(Collectors.toSet());
    }

    private static Set<String> fingerprint(String body) {
        return body.lines().map(String::trim).filter(l -> l.startsWith("process_start_time_seconds") || l.matches("\"?title\"?\\s*:.*"))
                .limit(10).collect(Collectors.toSet());
    }

    // ---- reporting --------------------------------------------------------------------------------------------------

    private static String problemDetail(RawHttp.Response r) {
        if (!r.mediaType().equals(PROBLEM)) {
            return r.status() >= 500 ? abbreviate(r.body(), 160) : "";
        }
        try {
            JsonNode problem = Http.JSON.readTree(r.body());
            return problem.path("detail").asText(problem.path("title").asText());
        } catch (IOException e) {
            return "(problem+json that is not JSON) " + abbreviate(r.body(), 100);
        }
    }

    private Map<String, List<Finding>> groups() {
        Map<String, List<Finding>> groups = new TreeMap<>();
        synchronized (findings) {
            findings.forEach(f -> groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f));
        }
        return groups;
    }

    private String describe(int examplesPerGroup) {
        StringBuilder out = new StringBuilder();
        groups().forEach((group, list) -> {
            out.append(list.size()).append(" × ").append(group).append('\n');
            list.stream().limit(examplesPerGroup).forEach(f -> out.append("    ").append(f.line()).append('\n'));
        });
        return out.toString();
    }

    private void report(int bypassCorpus, Set<String> volatileReads, Duration took, String phases) throws IOException {
        int total = sent.values().stream().mapToInt(AtomicInteger::get).sum();
        StringBuilder out = new StringBuilder();
        out.append("Hostile input: ").append(total).append(" requests in ").append(took.toMillis() / 1000.0).append(" s (")
                .append(rateLimitedRetries.get()).append(" of them repeats after 429; ").append(phases).append("); path bypass corpus ").append(bypassCorpus).append('\n');
        new TreeMap<>(sent).forEach((category, n) -> out.append("  ").append(n.get()).append(" ").append(category).append('\n'));
        out.append("  reads that change by themselves (not compared): ").append(volatileReads).append('\n');
        out.append("  requests that are not valid HTTP, refused by the HTTP parser (bare 400/414/431): ")
                .append(refusedByHttpParser.get()).append('\n');
        out.append("Slowest answers:\n");
        synchronized (slowest) {
            slowest.stream().sorted(Map.Entry.<Long, String>comparingByKey().reversed()).limit(10)
                    .forEach(e -> out.append("  ").append(e.getKey()).append(" ms ").append(e.getValue()).append('\n'));
        }
        out.append("Authorised writes answered 2xx to hostile input (allowed, listed to review):\n");
        new TreeMap<>(acceptedHostileWrites).forEach((what, n) -> out.append("  ").append(n.get()).append(" × ").append(what).append('\n'));
        out.append("Findings: ").append(findings.size()).append(" in ").append(groups().size()).append(" groups\n").append(describe(0));
        System.out.println(out);
        Path file = suite.root.resolve("e2e/target/hostile-input-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out + "\nEvery finding:\n" + describe(Integer.MAX_VALUE));
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "null";
        }
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + oneLine.length() + " chars)";
    }
}
