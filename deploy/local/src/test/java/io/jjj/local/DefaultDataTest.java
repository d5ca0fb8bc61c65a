package io.jjj.local;

import io.jjj.local.feed.FeedClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefaultDataTest {

    @Test
    void theKeyFollowsTheContentNotTheTime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("observations.csv");
        Files.writeString(file, "indicator,region,period,value\ngdp,110000,2023,1\n");
        String first = DefaultData.idempotencyKey(file);
        assertEquals(first, DefaultData.idempotencyKey(file));
        assertTrue(first.startsWith("default-data/observations.csv/"));
        Files.writeString(file, "indicator,region,period,value\ngdp,110000,2023,2\n");
        assertNotEquals(first, DefaultData.idempotencyKey(file), "a changed file is loaded again");
    }

    @Test
    void describesLoadedReplayedAndRefusedFeeds() {
        assertEquals("a.csv: loaded (3 received, 2 inserted, 1 updated, 0 unchanged, 0 rejected)", DefaultData.describe("a.csv",
                new FeedClient.Result(200, "{\"received\":3,\"inserted\":2,\"updated\":1,\"unchanged\":0,\"rejected\":0,\"replayed\":false}", "/x")));
        assertEquals("a.csv: already loaded in this database, nothing to do", DefaultData.describe("a.csv",
                new FeedClient.Result(200, "{\"received\":3,\"replayed\":true}", "/x")));
        assertTrue(DefaultData.describe("a.csv", new FeedClient.Result(422, "{\"status\":422}", "/x")).startsWith("a.csv: refused (HTTP 422)"));
    }
}
