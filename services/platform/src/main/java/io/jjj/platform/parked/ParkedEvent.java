package io.jjj.platform.parked;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event set aside, as an admin sees it: what it is, why it was parked, and how large it is. */
@Schema(name = "ParkedEvent", description = "An event set aside so that the others keep flowing; retry or discard it")
public record ParkedEvent(
        @Schema(description = "Id of the parked entry, used to retry or discard it", example = "7") long id,
        @Schema(description = "outbox: the broker refused to take it; inbox: a consumer failed to handle it", example = "outbox") String kind,
        @Schema(description = "The consumer group that failed to handle it (inbox only)", example = "indicators-derived") String consumer,
        @Schema(description = "The CloudEvents id", example = "6f1c2d9e-4b8a-4c1e-9f3a-2b7d5e8c1a90") UUID eventId,
        @Schema(example = "jjj.projects.project.status-changed.v1") String type,
        @Schema(example = "P-000042") String subject,
        OffsetDateTime occurredAt,
        @Schema(description = "Why it was parked", example = "RecordTooLargeException: The message is 1049272 bytes when serialized which is larger than 1048576") String error,
        @Schema(description = "Attempts made before parking", example = "1") int attempts,
        @Schema(description = "Size of the serialized event in bytes", example = "1049172") long payloadBytes,
        OffsetDateTime parkedAt) {

    public static final String OUTBOX = "outbox";
    public static final String INBOX = "inbox";
}
