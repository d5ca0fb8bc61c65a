package io.jjj.platform.feeds;

import java.util.List;
import java.util.Set;

/**
 * What a service plugs into the feed machinery: its columns, how a row becomes a valid record, how a chunk of valid
 * records is written, and what is done once the last chunk is written (all inside the feed's one transaction).
 * <p>
 * Each handler is a CDI bean qualified with its {@link FeedKind}. A handler that remembers something across the rows
 * of one feed is {@code @Dependent}: every feed gets its own instance.
 *
 * @param <R> the parsed row
 */
public interface FeedHandler<R> {

    /** Name of the feed in its report and runs, e.g. {@code observations}; also the scope of idempotency keys. */
    String name();

    Set<String> requiredColumns();

    Set<String> optionalColumns();

    /** Parses and validates one row, recording on the row why it is refused. */
    Parsed<R> parse(FeedRow row);

    /** Writes valid rows and counts what each did. */
    void apply(List<R> rows, FeedCounts counts);

    /**
     * Called once after the last chunk of a feed that is applied (never for a refused one), before the report is
     * made: where a handler publishes the events it gathered over the whole feed, e.g. one per changed entity.
     */
    default void finish(FeedCounts counts) {
    }
}
