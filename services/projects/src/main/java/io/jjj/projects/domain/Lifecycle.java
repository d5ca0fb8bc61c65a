package io.jjj.projects.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Project statuses and the moves between them: {@code proposed → signed → approved → under-construction →
 * operational → completed}, {@code suspended} from any open state and back to the state it was suspended from,
 * and {@code cancelled} from any open state. {@code planned}, which publishers use for proposals, is read as
 * {@code proposed}.
 */
public final class Lifecycle {

    public static final String PROPOSED = "proposed";
    public static final String SUSPENDED = "suspended";
    public static final String CANCELLED = "cancelled";
    public static final String COMPLETED = "completed";

    /** The main line, in order. */
    public static final List<String> MAIN_LINE = List.of(PROPOSED, "signed", "approved", "under-construction",
            "operational", COMPLETED);

    public static final List<String> ALL = List.of(PROPOSED, "signed", "approved", "under-construction", "operational",
            COMPLETED, SUSPENDED, CANCELLED);

    private Lifecycle() {
    }

    /** The canonical status for what a client or feed wrote, or empty when it is no status. */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (s.equals("planned")) {
            return Optional.of(PROPOSED);
        }
        return ALL.contains(s) ? Optional.of(s) : Optional.empty();
    }

    public static boolean isOpen(String status) {
        return !status.equals(COMPLETED) && !status.equals(CANCELLED);
    }

    /** Where a project in {@code status} may go next; {@code suspendedFrom} is the state a suspension returns to. */
    public static Set<String> next(String status, String suspendedFrom) {
        Set<String> next = new LinkedHashSet<>();
        if (status.equals(SUSPENDED)) {
            if (suspendedFrom != null) {
                next.add(suspendedFrom);
            }
            next.add(CANCELLED);
            return next;
        }
        if (!isOpen(status)) {
            return next;
        }
        next.add(MAIN_LINE.get(MAIN_LINE.indexOf(status) + 1));
        next.add(SUSPENDED);
        next.add(CANCELLED);
        return next;
    }

    public static boolean allows(String from, String suspendedFrom, String to) {
        return next(from, suspendedFrom).contains(to);
    }
}
