package io.jjj.local.feed;

import io.jjj.local.LauncherException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedRoutesTest {

    private static FeedRoutes.Target resolve(String file) {
        return FeedRoutes.resolve(Path.of("deploy/data").resolve(file), Optional.empty());
    }

    @Test
    void eachKnownFeedGoesToItsEndpoint() {
        assertEquals("/api/indicators/feeds", resolve("observations.csv").path());
        assertEquals("/api/projects/feeds", resolve("projects.csv").path());
        assertEquals("/api/transport/feeds?kind=nodes", resolve("transport-nodes.csv").path());
        assertEquals("/api/transport/feeds?kind=links", resolve("transport-links.csv").path());
        assertEquals("/api/indicators/catalogue/feeds", resolve("indicators.csv").path());
    }

    @Test
    void theExtensionDecidesTheContentType() {
        assertEquals(FeedRoutes.CSV, resolve("projects.csv").contentType());
        assertEquals(FeedRoutes.NDJSON, resolve("projects.ndjson").contentType());
        assertEquals(FeedRoutes.NDJSON, resolve("projects.jsonl").contentType());
        assertEquals("/api/projects/feeds", resolve("Projects.NDJSON").path(), "case does not matter");
    }

    @Test
    void toOverridesTheTableButNotTheContentType() {
        FeedRoutes.Target t = FeedRoutes.resolve(Path.of("anything.ndjson"), Optional.of("/api/custom/feeds"));
        assertEquals("/api/custom/feeds", t.path());
        assertEquals(FeedRoutes.NDJSON, t.contentType());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        LauncherException e = assertThrows(LauncherException.class, () -> resolve("stations.csv"));
        assertTrue(e.getMessage().contains("'stations.csv'"));
        assertTrue(e.getMessage().contains("transport-nodes.csv|.ndjson -> /api/transport/feeds?kind=nodes"));
        assertTrue(e.getMessage().contains("--to"));
    }

    @Test
    void anUnknownExtensionIsRefusedEvenWithTo() {
        assertThrows(LauncherException.class, () -> resolve("projects.json"));
        assertThrows(LauncherException.class, () -> FeedRoutes.resolve(Path.of("x.xlsx"), Optional.of("/api/x")));
    }

    @Test
    void partialModeJoinsAnExistingQuery() {
        assertEquals("/api/projects/feeds?mode=partial", FeedRoutes.withPartial("/api/projects/feeds", true));
        assertEquals("/api/transport/feeds?kind=links&mode=partial",
                FeedRoutes.withPartial("/api/transport/feeds?kind=links", true));
        assertEquals("/api/projects/feeds", FeedRoutes.withPartial("/api/projects/feeds", false));
    }

    @Test
    void referenceDataLoadsBeforeWhatRefersToIt() {
        var names = FeedRoutes.ROUTES.stream().map(FeedRoutes.Route::name).toList();
        assertTrue(names.indexOf("indicators") < names.indexOf("observations"));
        assertTrue(names.indexOf("transport-nodes") < names.indexOf("transport-links"));
    }
}
