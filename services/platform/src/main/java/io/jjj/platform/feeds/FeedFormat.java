package io.jjj.platform.feeds;

import io.jjj.platform.problem.ProblemException;

/** The two feed body formats. */
public enum FeedFormat {
    CSV("text/csv"), NDJSON("application/x-ndjson");

    public final String mediaType;

    FeedFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public static FeedFormat fromContentType(String contentType) {
        String base = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
        return switch (base) {
            case "text/csv" -> CSV;
            case "application/x-ndjson", "application/ndjson", "application/jsonl" -> NDJSON;
            default -> throw ProblemException.unsupportedMediaType(
                    "feeds take text/csv (with a header row) or application/x-ndjson, not '" + contentType + "'");
        };
    }
}
