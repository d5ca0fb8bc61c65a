package io.jjj.platform.feeds;

import io.jjj.platform.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a feed did: rows received, what became of them, the events emitted, and every rejected row. */
@Schema(name = "FeedReport")
public record FeedReport(
        @Schema(example = "observations") String feed,
        @Schema(example = "atomic", enumeration = {"atomic", "partial"}) String mode,
        @Schema(description = "Data rows in the body", example = "79") long received,
        @Schema(example = "79") long inserted,
        @Schema(example = "0") long updated,
        @Schema(example = "0") long unchanged,
        @Schema(example = "0") long rejected,
        @Schema(description = "Events written to the outbox", example = "79") long events,
        @Schema(description = "Applied to the database: false when an atomic feed was refused") boolean applied,
        @Schema(description = "This is the stored report of an earlier request with the same Idempotency-Key") boolean replayed,
        List<FieldError> errors,
        @Schema(description = "More rows were rejected than are listed") boolean errorsTruncated) {

    /** A feed whose valid rows were written, with what they did. */
    static FeedReport applied(String feed, FeedMode mode, long received, FeedCounts counts, RejectedRows rejected) {
        return new FeedReport(feed, mode.value(), received, counts.inserted, counts.updated, counts.unchanged,
                rejected.count(), counts.events, true, false, rejected.errors(), rejected.truncated());
    }

    /** An atomic feed with bad rows: nothing was written. */
    static FeedReport refused(String feed, FeedMode mode, long received, RejectedRows rejected) {
        return new FeedReport(feed, mode.value(), received, 0, 0, 0, rejected.count(), 0, false, false,
                rejected.errors(), rejected.truncated());
    }

    /** This report as answered again to a retry with the same Idempotency-Key. */
    FeedReport asReplay() {
        return new FeedReport(feed, mode, received, inserted, updated, unchanged, rejected, events, applied, true, errors,
                errorsTruncated);
    }
}
