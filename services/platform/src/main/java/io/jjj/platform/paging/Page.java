package io.jjj.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a listing, with the total across all pages. */
public record Page<T>(
        List<T> items,
        @Schema(example = "0") int page,
        @Schema(example = "50") int size,
        @Schema(description = "Items across all pages", example = "123") long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** Pages a list held in memory. */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
