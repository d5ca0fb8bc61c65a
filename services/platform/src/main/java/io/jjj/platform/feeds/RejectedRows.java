package io.jjj.platform.feeds;

import io.jjj.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;

/** The rows a feed rejected: how many, and their errors up to the number a report lists. */
final class RejectedRows {

    private final int maxListed;
    private final List<FieldError> errors = new ArrayList<>();
    private long count;
    private boolean truncated;

    RejectedRows(int maxListed) {
        this.maxListed = maxListed;
    }

    void add(FeedRow row) {
        count++;
        for (FieldError error : row.errors()) {
            if (errors.size() < maxListed) {
                errors.add(error);
            } else {
                truncated = true;
            }
        }
    }

    long count() {
        return count;
    }

    boolean any() {
        return count > 0;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean truncated() {
        return truncated;
    }
}
