package io.jjj.platform.feeds;

import io.jjj.platform.input.Dates;
import io.jjj.platform.input.Numbers;
import io.jjj.platform.problem.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data row of a feed: its line number, its cells by column name, and the errors found in it. The typed
 * getters record an error naming the column and return empty when a cell is unusable.
 */
public final class FeedRow {

    private final long line;
    private final Map<String, String> cells;
    private final List<FieldError> errors = new ArrayList<>();
    private boolean endsBody;

    public FeedRow(long line, Map<String, String> cells) {
        this.line = line;
        this.cells = cells;
    }

    public long line() {
        return line;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String column, String message) {
        errors.add(FieldError.row(line, column, message));
    }

    /** Nothing after this row can be read: the feed stops here, and the row says so. */
    void endBody() {
        error(null, "the rest of the body was not read");
        endsBody = true;
    }

    boolean endsBody() {
        return endsBody;
    }

    /** The trimmed cell, empty when absent or blank. */
    public Optional<String> text(String column) {
        String v = cells.get(column);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public Optional<String> required(String column) {
        Optional<String> v = text(column);
        if (v.isEmpty()) {
            error(column, "required");
        }
        return v;
    }

    public Optional<BigDecimal> decimal(String column) {
        return text(column).flatMap(v -> {
            try {
                BigDecimal number = new BigDecimal(v);
                Optional<String> refused = Numbers.refused(number);
                refused.ifPresent(why -> error(column, why + ": '" + v + "'"));
                return refused.isPresent() ? Optional.empty() : Optional.of(number);
            } catch (NumberFormatException e) {
                error(column, "not a number: '" + v + "'");
                return Optional.empty();
            }
        });
    }

    public Optional<BigDecimal> requiredDecimal(String column) {
        return required(column).isPresent() ? decimal(column) : Optional.empty();
    }

    public Optional<Long> whole(String column) {
        return text(column).flatMap(v -> {
            try {
                return Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                error(column, "not a whole number: '" + v + "'");
                return Optional.empty();
            }
        });
    }

    /** An ISO date {@code YYYY-MM-DD} in {@link Dates#RANGE}. */
    public Optional<LocalDate> date(String column) {
        return text(column).flatMap(v -> {
            try {
                LocalDate date = LocalDate.parse(v);
                if (!Dates.inRange(date)) {
                    error(column, Dates.outOfRange(v));
                    return Optional.empty();
                }
                return Optional.of(date);
            } catch (DateTimeParseException e) {
                error(column, "not a date (YYYY-MM-DD): '" + v + "'");
                return Optional.empty();
            }
        });
    }
}
