package io.jjj.projects.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a listing asks for, already validated. Region filters are expanded: a province stands for itself and
 * everything below it, a group for its members and what lies below them.
 *
 * @param search a {@code to_tsquery('simple', …)} expression, see {@link SearchText#query}
 * @param bbox   min lon, min lat, max lon, max lat
 * @param sort   ORDER BY terms over project columns
 */
public record ProjectFilter(Set<String> origins, Set<String> destinations, List<String> kinds, List<String> sectors,
                            List<String> chains, List<String> statuses, LocalDate signedFrom, LocalDate signedTo,
                            String search, double[] bbox, LocalDate asOf, List<String> sort) {

    /** Every project, now or as it stood on {@code asOf} when that is given. */
    public static ProjectFilter all(LocalDate asOf) {
        return new ProjectFilter(null, null, null, null, null, null, null, null, null, null, asOf, List.of("id"));
    }
}
