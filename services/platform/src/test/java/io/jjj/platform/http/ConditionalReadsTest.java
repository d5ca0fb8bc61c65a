package io.jjj.platform.http;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every read under /api/ carries a strong ETag, answers If-None-Match with 304 and no body, has Cache-Control and
 * Vary, and is compressed (gzip, deflate or brotli) from 1 KB when the client accepts it. A plain HTTP client: RestAssured would ask for gzip itself.
 */
@QuarkusTest
class ConditionalReadsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LIVE = "public, max-age=5, must-revalidate";

    @TestHTTPResource("/api/test/reads")
    URI reads;

    @Test
    void aReadCarriesAStrongTagAndIsAnswered304WithItsOwnTag() throws Exception {
        HttpResponse<byte[]> first = get("?count=100", null, null);
        assertEquals(200, first.statusCode());
        String tag = header(first, "ETag").orElseThrow();
        assertTrue(tag.matches("\"[A-Za-z0-9_-]+\""), tag);
        assertEquals(Optional.of(LIVE), header(first, "Cache-Control"));
        assertEquals(Optional.of("Accept, Accept-Encoding"), header(first, "Vary"));

        HttpResponse<byte[]> again = get("?count=100", null, tag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(Optional.of(tag), header(again, "ETag"));
        assertEquals(Optional.of(LIVE), header(again, "Cache-Control"));

        assertEquals(304, get("?count=100", null, "\"other\", W/" + tag).statusCode(), "weak comparison, in a list");
        assertEquals(304, get("?count=100", null, "*").statusCode());
        assertEquals(200, get("?count=101", null, tag).statusCode(), "other data, other tag");
        assertNotEquals(Optional.of(tag), header(get("?count=101", null, null), "ETag"));
    }

    @Test
    void largeReadsAreGzippedWhenAcceptedAndTaggedApartFromTheirPlainForm() throws Exception {
        for (String path : new String[] {"?count=100", "/csv?count=100", "/geojson?count=100"}) {
            HttpResponse<byte[]> plain = get(path, null, null);
            HttpResponse<byte[]> zipped = get(path, "gzip, deflate", null);
            assertTrue(plain.body().length > 1024, path);
            assertEquals(Optional.empty(), coding(plain), path);
            assertEquals(Optional.of("gzip"), coding(zipped), path);
            assertTrue(zipped.body().length < plain.body().length / 2, path);
            assertArrayEquals(plain.body(), gunzip(zipped.body()), path);
            String zippedTag = header(zipped, "ETag").orElseThrow();
            assertNotEquals(header(plain, "ETag").orElseThrow(), zippedTag, path);
            HttpResponse<byte[]> notModified = get(path, "gzip, deflate", zippedTag);
            assertEquals(304, notModified.statusCode(), path);
            assertEquals(0, notModified.body().length, path);
        }
    }

    @Test
    void largeReadsAreSentInBrotliToClientsThatPreferIt() throws Exception {
        Brotli4jLoader.ensureAvailability();
        for (String path : new String[] {"?count=100", "/csv?count=100", "/geojson?count=100"}) {
            HttpResponse<byte[]> plain = get(path, null, null);
            HttpResponse<byte[]> brotli = get(path, "br, gzip", null);
            assertEquals(Optional.of("br"), coding(brotli), path);
            assertTrue(brotli.body().length < get(path, "gzip", null).body().length, "smaller than gzip: " + path);
            assertArrayEquals(plain.body(), Decoder.decompress(brotli.body()).getDecompressedData(), path);
            String tag = header(brotli, "ETag").orElseThrow();
            assertNotEquals(header(get(path, "gzip", null), "ETag").orElseThrow(), tag, path);
            assertEquals(304, get(path, "br, gzip", tag).statusCode(), path);
        }
    }

    @Test
    void smallReadsAndRefusedCodingsAreSentPlain() throws Exception {
        HttpResponse<byte[]> small = get("?count=3", "gzip", null);
        assertTrue(small.body().length < 1024);
        assertEquals(Optional.empty(), coding(small));
        String text = new String(small.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("[{") && text.contains("\"n\":2"), "plain JSON: " + text);

        HttpResponse<byte[]> refused = get("?count=100", "gzip;q=0, identity", null);
        assertEquals(Optional.empty(), coding(refused));
        assertEquals(header(get("?count=100", null, null), "ETag"), header(refused, "ETag"));
    }

    @Test
    void aReadAsOfAPastDateMayBeKeptLongerThanLiveData() throws Exception {
        assertEquals(Optional.of("public, max-age=86400"), header(get("?count=2&asOf=2020-01-01", null, null), "Cache-Control"));
        String today = io.jjj.platform.time.Today.of(java.time.Clock.systemUTC()).toString();
        assertEquals(Optional.of(LIVE), header(get("?count=2&asOf=" + today, null, null), "Cache-Control"));
    }

    @Test
    void anEntitysOwnVersionTagIsKeptAndRevalidates() throws Exception {
        assertEquals(Optional.of("\"7\""), header(get("/versioned", null, null), "ETag"));
        HttpResponse<byte[]> again = get("/versioned", null, "\"7\"");
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(200, get("/versioned", null, "\"6\"").statusCode());

        assertEquals(Optional.of("\"8\""), header(get("/versioned-text", null, null), "ETag"));
        assertEquals(304, get("/versioned-text", null, "\"8\"").statusCode());
    }

    @Test
    void answersOutsideTheApiAndErrorsGetNoTag() throws Exception {
        HttpResponse<byte[]> health = HTTP.send(HttpRequest.newBuilder(reads.resolve("/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(Optional.empty(), header(health, "ETag"));
        HttpResponse<byte[]> refused = get("?count=nine", null, null);
        assertTrue(refused.statusCode() >= 400, "status " + refused.statusCode());
        assertEquals(Optional.empty(), header(refused, "ETag"));
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(reads + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    /** The content coding applied, if any ({@code identity} is none). */
    private static Optional<String> coding(HttpResponse<?> response) {
        return header(response, "Content-Encoding").filter(coding -> !coding.equals("identity"));
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
