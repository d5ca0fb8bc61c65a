package io.jjj.local.feed;

import io.jjj.local.LauncherException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedRoutesTest {

    private static final Path COMPOSE_LOADER = Path.of("..", "compose", "loader", "load.sh");

    private static FeedRoutes.Target resolve(String file) {
        return FeedRoutes.resolve(Path.of("deploy/data").resolve(file), Optional.empty());
    }

    @Test
    void eachKnownFeedGoesToItsEndpoint() {
        assertEquals("/api/indicators/feeds/observations", resolve("observations.csv").path());
        assertEquals("/api/projects/feeds/projects", resolve("projects.csv").path());
        assertEquals("/api/transport/feeds/nodes", resolve("transport-nodes.csv").path());
        assertEquals("/api/transport/feeds/links", resolve("transport-links.csv").path());
        assertEquals("/api/indicators/feeds/catalogue", resolve("indicators.csv").path());
    }

    @Test
    void everyRouteIsAFeedKindOfItsService() {
        for (FeedRoutes.Route route : FeedRoutes.ROUTES) {
            assertTrue(route.path().matches("/api/[a-z]+/feeds/[a-z]+"), route.path());
        }
    }

    @Test
    void theComposeLoaderPostsTheSameFilesToTheSameRoutesInTheSameOrder() throws IOException {
        Matcher feed = Pattern.compile("^feed (\\S+) (\\S+)\\.csv$", Pattern.MULTILINE).matcher(Files.readString(COMPOSE_LOADER));
        List<FeedRoutes.Route> loaded = new ArrayList<>();
        while (feed.find()) {
            loaded.add(new FeedRoutes.Route(feed.group(2), feed.group(1)));
        }
        assertEquals(FeedRoutes.ROUTES, loaded, "deploy/compose/loader/load.sh must feed the routes of FeedRoutes, in its order");
    }

    @Test
    void theExtensionDecidesTheContentType() {
        assertEquals(FeedRoutes.CSV, resolve("projects.csv").contentType());
        assertEquals(FeedRoutes.NDJSON, resolve("projects.ndjson").contentType());
        assertEquals(FeedRoutes.NDJSON, resolve("projects.jsonl").contentType());
        assertEquals("/api/projects/feeds/projects", resolve("Projects.NDJSON").path(), "case does not matter");
    }

    @Test
    void toOverridesTheTableButNotTheContentType() {
        FeedRoutes.Target t = FeedRoutes.resolve(Path.of("anything.ndjson"), Optional.of("/api/custom/feeds/things"));
        assertEquals("/api/custom/feeds/things", t.path());
        assertEquals(FeedRoutes.NDJSON, t.contentType());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        LauncherException e = assertThrows(LauncherException.class, () -> resolve("stations.csv"));
        assertTrue(e.getMessage().contains("'stations.csv'"));
        assertTrue(e.getMessage().contains("transport-nodes.csv|.ndjson -> /api/transport/feeds/nodes"));
        assertTrue(e.getMessage().contains("--to"));
    }

    @Test
    void anUnknownExtensionIsRefusedEvenWithTo() {
        assertThrows(LauncherException.class, () -> resolve("projects.json"));
        assertThrows(LauncherException.class, () -> FeedRoutes.resolve(Path.of("x.xlsx"), Optional.of("/api/x")));
    }

    @Test
    void partialModeJoinsAnExistingQuery() {
        assertEquals("/api/projects/feeds/projects?mode=partial", FeedRoutes.withPartial("/api/projects/feeds/projects", true));
        assertEquals("/api/transport/feeds/links?key=1&mode=partial",
                FeedRoutes.withPartial("/api/transport/feeds/links?key=1", true));
        assertEquals("/api/projects/feeds/projects", FeedRoutes.withPartial("/api/projects/feeds/projects", false));
    }

    @Test
    void referenceDataLoadsBeforeWhatRefersToIt() {
        var names = FeedRoutes.ROUTES.stream().map(FeedRoutes.Route::name).toList();
        assertTrue(names.indexOf("indicators") < names.indexOf("observations"));
        assertTrue(names.indexOf("transport-nodes") < names.indexOf("transport-links"));
    }
}
