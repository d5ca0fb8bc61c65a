package io.jjj.gateway.routing;

import io.jjj.gateway.support.FakeServices;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's conditional and compressed reads go through the gateway untouched: a gzipped body arrives gzipped once
 * with its tag, a plain one plain (whether the gateway compresses it or not, it decodes to the same bytes), and
 * If-None-Match reaches the service and its 304 comes back without a body. The stand-in service answers the way
 * io.jjj.platform.http.ConditionalReads does.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
class CompressionThroughGatewayTest {

    private static final String PATH = "/api/indicators/conditional-read";
    private static final byte[] BODY = ("[" + IntStream.range(0, 200).mapToObj(n -> "{\"n\":" + n + ",\"label\":\"row " + n + "\"}")
            .collect(Collectors.joining(",")) + "]").getBytes(StandardCharsets.UTF_8);
    private static final byte[] GZIPPED = gzip(BODY);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI gateway;

    @BeforeAll
    static void serviceAnswersConditionally() {
        FakeServices.INDICATORS.route("GET", PATH, r -> {
            boolean zipped = Optional.ofNullable(r.getHeader("Accept-Encoding")).orElse("").contains("gzip");
            String tag = zipped ? "\"body-hash-z\"" : "\"body-hash\"";
            r.response().putHeader("ETag", tag).putHeader("Vary", "Accept, Accept-Encoding")
                    .putHeader("Cache-Control", "public, max-age=5, must-revalidate");
            if (tag.equals(r.getHeader("If-None-Match"))) {
                r.response().setStatusCode(304).end();
            } else if (zipped) {
                r.response().putHeader("Content-Type", "application/json").putHeader("Content-Encoding", "gzip")
                        .end(Buffer.buffer(GZIPPED));
            } else {
                r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(BODY));
            }
        });
    }

    @Test
    void aGzippedReadArrivesGzippedOnceWithItsTag() throws Exception {
        HttpResponse<byte[]> response = get("gzip", null);
        assertEquals(200, response.statusCode());
        assertEquals(List.of("gzip"), response.headers().allValues("Content-Encoding"));
        assertArrayEquals(GZIPPED, response.body(), "the service's bytes, not compressed again");
        assertArrayEquals(BODY, gunzip(response.body()));
        assertEquals(Optional.of("\"body-hash-z\""), response.headers().firstValue("ETag"));
        assertEquals(Optional.of("Accept, Accept-Encoding"), response.headers().firstValue("Vary"));
        assertEquals(Optional.of("public, max-age=5, must-revalidate"), response.headers().firstValue("Cache-Control"));
        assertEquals("gzip", FakeServices.INDICATORS.last(PATH).header("Accept-Encoding"));
    }

    @Test
    void aPlainReadDecodesToTheServicesBytes() throws Exception {
        HttpResponse<byte[]> plain = get(null, null);
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").filter(c -> !c.equals("identity")).isEmpty());
        assertArrayEquals(BODY, plain.body());
        assertEquals(Optional.of("\"body-hash\""), plain.headers().firstValue("ETag"));
    }

    @Test
    void ifNoneMatchReachesTheServiceAndIts304ComesBackWithoutABody() throws Exception {
        HttpResponse<byte[]> notModified = get("gzip", "\"body-hash-z\"");
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(Optional.of("\"body-hash-z\""), notModified.headers().firstValue("ETag"));
        assertEquals("\"body-hash-z\"", FakeServices.INDICATORS.last(PATH).header("If-None-Match"));
        assertEquals(200, get("gzip", "\"body-hash\"").statusCode(), "the plain form's tag does not match the gzipped form");
    }

    private HttpResponse<byte[]> get(String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(PATH));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
