package io.jjj.platform.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jjj.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A feed answered 202: where it stands, how far it got, and its report or problem once it ended. */
@Schema(name = "FeedRun")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedRun(
        UUID id,
        @Schema(example = "observations") String feed,
        @Schema(example = "atomic", enumeration = {"atomic", "partial"}) String mode,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
        @Schema(description = "Data rows read so far (recorded every few seconds while it runs)", example = "250000") long rowsRead,
        @Schema(description = "Size of the body received", example = "21474836") long bodyBytes,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "What the feed did, once it succeeded") FeedReport report,
        @Schema(description = "Why it failed: the problem a synchronous feed would have answered (an atomic feed that "
                + "failed applied nothing); retry with the same Idempotency-Key", implementation = Problem.class) JsonNode problem) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean finished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state);
    }
}
