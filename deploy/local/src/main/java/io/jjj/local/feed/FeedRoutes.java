package io.jjj.local.feed;

import io.jjj.local.LauncherException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which gateway endpoint ({@code /api/<service>/feeds/<kind>}) takes which feed file: the one table to change when a
 * feed is added. The order is a valid load order for a whole data set (reference data before what refers to it), so
 * loading the default data set can walk this list. The compose loader ({@code deploy/compose/loader/load.sh}) lists
 * the same routes in the same order, and a test fails when the two differ.
 */
public final class FeedRoutes {

    /** A feed file name (without extension) and the gateway path it is posted to. */
    public record Route(String name, String path) {
    }

    public static final List<Route> ROUTES = List.of(
            new Route("indicators", "/api/indicators/feeds/catalogue"),
            new Route("transport-nodes", "/api/transport/feeds/nodes"),
            new Route("transport-links", "/api/transport/feeds/links"),
            new Route("projects", "/api/projects/feeds/projects"),
            new Route("observations", "/api/indicators/feeds/observations"));

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    /** What to post where: the resolved path (with query) and the content type. */
    public record Target(String path, String contentType) {
    }

    private FeedRoutes() {
    }

    /**
     * The endpoint and content type for a file. {@code explicitPath} (from {@code --to}) wins over
     * the table; the content type always follows the extension.
     */
    public static Target resolve(Path file, Optional<String> explicitPath) {
        String fileName = file.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        String contentType;
        String base;
        if (lower.endsWith(".csv")) {
            contentType = CSV;
            base = lower.substring(0, lower.length() - ".csv".length());
        } else if (lower.endsWith(".ndjson")) {
            contentType = NDJSON;
            base = lower.substring(0, lower.length() - ".ndjson".length());
        } else if (lower.endsWith(".jsonl")) {
            contentType = NDJSON;
            base = lower.substring(0, lower.length() - ".jsonl".length());
        } else {
            throw new LauncherException("cannot tell the format of '" + fileName
                    + "': a feed file ends in .csv (text/csv) or .ndjson/.jsonl (application/x-ndjson)");
        }
        if (explicitPath.isPresent()) {
            return new Target(explicitPath.get(), contentType);
        }
        for (Route r : ROUTES) {
            if (r.name().equals(base)) {
                return new Target(r.path(), contentType);
            }
        }
        StringBuilder known = new StringBuilder();
        for (Route r : ROUTES) {
            known.append(System.lineSeparator()).append("  ").append(r.name()).append(".csv|.ndjson -> ").append(r.path());
        }
        throw new LauncherException("no endpoint known for '" + fileName + "'; name it like one of these or pass --to /api/...:" + known);
    }

    /** Adds {@code mode=partial} to a path that may already carry a query. */
    public static String withPartial(String path, boolean partial) {
        if (!partial) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "mode=partial";
    }
}
