package io.jjj.platform.http;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.fixture.StoredReadsResource;
import io.jjj.platform.security.GatewayToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads computed from the database are tagged by its data version: a conditional read naming the current tag is
 * answered 304 before the resource runs, and any commit, on this instance or another, gives the next read another tag.
 */
@QuarkusTest
class DataVersionTagsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String LIVE = "public, max-age=5, must-revalidate";

    @TestHTTPResource("/api/test/stored")
    URI stored;

    @Inject
    PlatformConfig config;

    @Test
    void a304IsAnsweredBeforeTheResourceRunsAndHasNoBody() throws Exception {
        HttpResponse<String> first = get("", "If-None-Match", "\"not-the-tag\"");
        assertEquals(200, first.statusCode());
        String tag = header(first, "ETag").orElseThrow();
        assertTrue(tag.matches("\"[A-Za-z0-9_-]{22}\""), tag);
        assertEquals(Optional.of(LIVE), header(first, "Cache-Control"));
        assertEquals(Optional.of("Accept, Accept-Encoding"), header(first, "Vary"));

        int calls = StoredReadsResource.CALLS.get();
        HttpResponse<String> again = get("", "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(Optional.of(tag), header(again, "ETag"));
        assertEquals(Optional.of(LIVE), header(again, "Cache-Control"));
        assertEquals(Optional.of("Accept, Accept-Encoding"), header(again, "Vary"));
        assertEquals(304, get("", "If-None-Match", "\"other\", W/" + tag).statusCode(), "weak comparison, in a list");
        assertEquals(304, send(HttpRequest.newBuilder(stored).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("If-None-Match", tag)).statusCode(), "HEAD has the tag of GET");
        assertEquals(calls, StoredReadsResource.CALLS.get(), "no 304 called the resource");
    }

    @Test
    void anyIsAnsweredByTheResourceSinceOnlyItKnowsWhetherThereIsARepresentation() throws Exception {
        int calls = StoredReadsResource.CALLS.get();
        HttpResponse<String> any = get("", "If-None-Match", "*");
        assertEquals(304, any.statusCode());
        assertEquals("", any.body());
        assertEquals(calls + 1, StoredReadsResource.CALLS.get());
    }

    @Test
    void aCommitThroughAnotherConnectionChangesTheTag() throws Exception {
        String tag = header(get(""), "ETag").orElseThrow();
        String name = "stored-" + UUID.randomUUID();
        Config settings = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(settings.getValue("quarkus.datasource.jdbc.url", String.class),
                settings.getValue("quarkus.datasource.username", String.class),
                settings.getValue("quarkus.datasource.password", String.class));
             PreparedStatement insert = other.prepareStatement("INSERT INTO widget (name) VALUES (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }

        HttpResponse<String> after = get("", "If-None-Match", tag);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains(name), after.body());
        assertNotEquals(Optional.of(tag), header(after, "ETag"));
    }

    @Test
    void anOwnWriteChangesTheTag() throws Exception {
        String tag = header(get(""), "ETag").orElseThrow();
        String name = UUID.randomUUID().toString();
        assertEquals(204, send(HttpRequest.newBuilder(URI.create(stored + "/" + name))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode());

        HttpResponse<String> after = get("", "If-None-Match", tag);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("stored-" + name), after.body());
    }

    @Test
    void eachFormatAndCodingIsTaggedApart() throws Exception {
        HttpResponse<String> json = get("", "Accept", "application/json");
        HttpResponse<String> csv = get("", "Accept", "text/csv");
        HttpResponse<String> csvByParameter = get("?format=csv");
        HttpResponse<String> gzip = get("", "Accept-Encoding", "gzip");
        assertEquals(Optional.of("text/csv"), header(csv, "Content-Type").map(type -> type.split(";")[0]));
        Set<String> tags = Set.of(json, csv, csvByParameter, gzip).stream()
                .map(r -> header(r, "ETag").orElseThrow()).collect(Collectors.toSet());
        assertEquals(4, tags.size(), tags.toString());

        String csvTag = header(csv, "ETag").orElseThrow();
        assertEquals(304, get("", "Accept", "text/csv", "If-None-Match", csvTag).statusCode());
        assertEquals(200, get("", "Accept", "application/json", "If-None-Match", csvTag).statusCode());
        String gzipTag = header(gzip, "ETag").orElseThrow();
        assertEquals(304, get("", "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode());
        assertEquals(200, get("", "If-None-Match", gzipTag).statusCode(), "the plain bytes are another representation");
        assertEquals(header(get(""), "ETag"), header(get("", "Accept-Encoding", "gzip;q=0, identity"), "ETag"),
                "a refused coding is the plain representation");
    }

    @Test
    void aReadAsOfAPastDateMayBeKeptLongerAlsoWhenRevalidated() throws Exception {
        HttpResponse<String> past = get("?asOf=2020-01-01");
        assertEquals(Optional.of("public, max-age=86400"), header(past, "Cache-Control"));
        HttpResponse<String> notModified = get("?asOf=2020-01-01", "If-None-Match", header(past, "ETag").orElseThrow());
        assertEquals(304, notModified.statusCode());
        assertEquals(Optional.of("public, max-age=86400"), header(notModified, "Cache-Control"));
        assertNotEquals(header(past, "ETag"), header(get("?asOf=2020-01-02"), "ETag"));
    }

    @Test
    void aReadOnTheEventLoopIsRevalidatedToo() throws Exception {
        HttpResponse<String> first = get("/non-blocking");
        assertEquals("on the event loop", first.body());
        int calls = StoredReadsResource.CALLS.get();
        HttpResponse<String> again = get("/non-blocking", "If-None-Match", header(first, "ETag").orElseThrow());
        assertEquals(304, again.statusCode());
        assertEquals(calls, StoredReadsResource.CALLS.get());
    }

    @Test
    void aReadTaggedByItsBodyIsRevalidatedAfterItRuns() throws Exception {
        HttpResponse<String> first = get("/by-body");
        String tag = header(first, "ETag").orElseThrow();
        int calls = StoredReadsResource.CALLS.get();
        HttpResponse<String> again = get("/by-body", "If-None-Match", tag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(calls + 1, StoredReadsResource.CALLS.get());
        send(HttpRequest.newBuilder(URI.create(stored + "/" + UUID.randomUUID())).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(304, get("/by-body", "If-None-Match", tag).statusCode(), "its tag follows its body, not the database");
    }

    @Test
    void authorisationIsCheckedBeforeA304() throws Exception {
        String path = "/api/test/stored/admin";
        String token = GatewayToken.issue(config.security().tokenSecret().orElseThrow(), "tester", List.of("admin"),
                new GatewayToken.Call(config.service().name(), "GET", path), Duration.ofSeconds(30));
        HttpResponse<String> admin = get("/admin", GatewayToken.HEADER, token);
        assertEquals(200, admin.statusCode());
        String tag = header(admin, "ETag").orElseThrow();
        assertEquals(304, get("/admin", GatewayToken.HEADER, token, "If-None-Match", tag).statusCode());

        int status = get("/admin", "If-None-Match", tag).statusCode();
        assertTrue(status == 401 || status == 403, "status " + status);
    }

    @Test
    void oddOrHugeIfNoneMatchValuesAreIgnoredOrRefusedNeverAnError() throws Exception {
        for (String odd : new String[] {"\"", "W/", "W/\"", ",,,", "\"\"", "W/W/\"x\"", "*x", "\u00e9t\u00e9", "\"a\"\"b\""}) {
            HttpResponse<String> response = get("", "If-None-Match", odd);
            assertEquals(200, response.statusCode(), odd);
            assertFalse(response.body().isEmpty(), odd);
        }
        String huge = IntStream.range(0, 5000).mapToObj(i -> "\"tag-" + i + "\"").collect(Collectors.joining(", "));
        int status = get("", "If-None-Match", huge).statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stored + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
