package io.jjj.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with a request: the field (or feed column), the feed line when there is one, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "What is wrong and where: a field or feed column, and for feeds the line number")
public record FieldError(
        @Schema(example = "value") String field,
        @Schema(description = "Line number in the feed body (the header is line 1)", example = "7") Long row,
        @Schema(example = "not a number: 'abc'") String message) {

    public static FieldError field(String field, String message) {
        return new FieldError(field, null, message);
    }

    public static FieldError row(long row, String field, String message) {
        return new FieldError(field, row, message);
    }
}
