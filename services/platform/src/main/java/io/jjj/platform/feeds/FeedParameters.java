package io.jjj.platform.feeds;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;

/** What every feed operation takes besides its body, documented once for all of them ({@code @BeanParam}). */
public class FeedParameters {

    @Parameter(description = "atomic (default): one bad row and nothing is written; partial: the good rows are applied "
            + "and the rest reported", example = "partial")
    @QueryParam("mode")
    String mode;

    @Parameter(description = "Makes a retry return the first report without applying anything again", example = "nbs-2024-06-01")
    @HeaderParam("Idempotency-Key")
    String idempotencyKey;

    @Parameter(description = "respond-async: answer 202 at once with the Location of the run to poll "
            + "(feeds larger than the configured size are always answered so)", example = "respond-async")
    @HeaderParam("Prefer")
    String prefer;

    @Parameter(hidden = true)
    @HeaderParam("Content-Type")
    String contentType;

    /** -1 when the body is chunked. */
    @Parameter(hidden = true)
    @HeaderParam("Content-Length")
    @DefaultValue("-1")
    long contentLength;

    boolean respondAsync(long aboveBytes) {
        return contentLength > aboveBytes || (prefer != null && Arrays.stream(prefer.split(","))
                .map(p -> p.split(";")[0].trim()).anyMatch("respond-async"::equalsIgnoreCase));
    }
}
