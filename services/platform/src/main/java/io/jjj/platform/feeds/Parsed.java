package io.jjj.platform.feeds;

/**
 * What {@link FeedHandler#parse} made of one row: a record to apply, or a refusal whose reasons are recorded on the
 * row.
 *
 * @param <R> the parsed row
 */
public sealed interface Parsed<R> permits Parsed.Valid, Parsed.Refused {

    record Valid<R>(R value) implements Parsed<R> {
    }

    record Refused<R>() implements Parsed<R> {
    }

    static <R> Parsed<R> valid(R value) {
        return new Valid<>(value);
    }

    /** The row is not usable; its errors are already on the row. */
    static <R> Parsed<R> refused() {
        return new Refused<>();
    }

    /** {@code value} when the row has no error, otherwise a refusal. */
    static <R> Parsed<R> of(FeedRow row, R value) {
        return row.valid() ? valid(value) : refused();
    }
}
