package io.jjj.projects.api;

import jakarta.annotation.security.PermitAll;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.http.TaggedByBody;
import io.jjj.platform.input.Dates;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import io.jjj.projects.domain.FlowMatrix;
import io.jjj.projects.domain.ProjectFilter;
import io.jjj.projects.domain.ProjectJdbcQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Path("/api/projects")
@Tag(name = "projects")
public class ProjectAnalyticsResource {

    private static final List<String> GROUP_BY = List.of("destination", "origin", "kind", "sector", "chain", "status", "year");

    @Schema(name = "ProjectFlowRegion")
    public record FlowRegion(@Schema(example = "130000") String code, @Schema(example = "Hebei") String name) {
    }

    @Schema(name = "ProjectFlowCell")
    public record FlowCell(@Schema(example = "110000") String origin, @Schema(example = "130000") String destination,
                           @Schema(example = "7") BigDecimal value) {
    }

    @Schema(name = "ProjectFlows", description = "Origin × destination matrix: matrix[i][j] is the flow from rows[i] to columns[j] "
            + "(by=origin,destination) or from columns[j] to rows[i] (by=destination,origin)")
    public record Flows(@Schema(example = "origin,destination") String by,
                        @Schema(enumeration = {"count", "investment", "jobs"}, example = "count") String measure,
                        @Schema(enumeration = {"province", "prefecture"}, example = "province") String level,
                        @Schema(example = "2014") Integer from, @Schema(example = "2024") Integer to,
                        @Schema(description = "Investment is in CNY 100 million", example = "project") String unit,
                        List<FlowRegion> rows, List<FlowRegion> columns, List<List<BigDecimal>> matrix,
                        @Schema(description = "The non-zero cells") List<FlowCell> flows,
                        @Schema(example = "20") BigDecimal total) {
    }

    @Schema(name = "ProjectStatsGroup")
    public record StatsGroup(@Schema(example = "130000") String key, @Schema(example = "Hebei") String name,
                             @Schema(example = "12") long projects,
                             @Schema(description = "Sum over projects that state an investment, CNY 100 million", example = "1176") BigDecimal investmentCny100m,
                             @Schema(example = "18500") long jobs) {
    }

    @Schema(name = "ProjectStats")
    public record Stats(@Schema(example = "destination") String groupBy, @Schema(example = "20") long projects,
                        List<StatsGroup> groups) {
    }

    private final FlowMatrix flows;
    private final ProjectJdbcQueries queries;
    private final Regions regions;

    public ProjectAnalyticsResource(FlowMatrix flows, ProjectJdbcQueries queries, Regions regions) {
        this.flows = flows;
        this.queries = queries;
        this.regions = regions;
    }

    @TaggedByBody
    @GET
    @PermitAll
    @Path("/flows")
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV})
    @Operation(operationId = "getProjectFlows", summary = "Origin × destination matrix of projects, investment or jobs (cancelled projects excluded)")
    @APIResponse(responseCode = "200", description = "The matrix; CSV lists the non-zero cells one per line",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Flows.class)),
                    @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response flows(
            @Parameter(description = "Rows then columns: origin,destination (default) or destination,origin", example = "origin,destination") @QueryParam("by") String by,
            @Parameter(description = "count (default), investment (CNY 100 million) or jobs", example = "investment") @QueryParam("measure") String measure,
            @Parameter(description = "Signed in or after this year (YYYY); without from/to, projects without a signed year count too", example = "2014") @QueryParam("from") String from,
            @Parameter(description = "Signed in or before this year (YYYY)", example = "2024") @QueryParam("to") String to,
            @Parameter(description = "province (default) or prefecture", example = "prefecture") @QueryParam("level") String level,
            @Parameter(description = "json or csv; overrides Accept", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        String axes = by == null || by.isBlank() ? "origin,destination" : by.replace(" ", "");
        if (!axes.equals("origin,destination") && !axes.equals("destination,origin")) {
            throw ProblemException.invalidParameter("by", "must be origin,destination or destination,origin, was '" + by + "'");
        }
        String m = QueryParams.oneOf("measure", measure, FlowMatrix.MEASURES, "count");
        String l = QueryParams.oneOf("level", level, FlowMatrix.LEVELS, "province");
        Integer fromYear = Dates.yearParameter("from", from);
        Integer toYear = Dates.yearParameter("to", to);
        if (fromYear != null && toYear != null && fromYear > toYear) {
            throw ProblemException.invalidParameter("to", "must not be before from (" + fromYear + "), was " + toYear);
        }
        Listing.Negotiated<FlowCell> answer = Listing.<FlowCell>json().csv(cells -> flowsCsv(m, cells)).negotiate(format, headers);
        FlowMatrix.Matrix matrix = flows.build(axes.startsWith("origin"), m, l, fromYear, toYear);
        List<FlowCell> cells = matrix.cells().stream().map(c -> new FlowCell(c.origin(), c.destination(), c.value())).toList();
        if (answer.mediaType().equals(Formats.CSV)) {
            return answer.all(cells);
        }
        List<List<BigDecimal>> values = new ArrayList<>();
        for (BigDecimal[] row : matrix.values()) {
            values.add(Arrays.asList(row));
        }
        return Response.ok(new Flows(axes, m, l, fromYear, toYear,
                m.equals("investment") ? "CNY 100 million" : m.equals("jobs") ? "job" : "project",
                matrix.rows().stream().map(this::region).toList(), matrix.columns().stream().map(this::region).toList(), values,
                cells, matrix.total()), Formats.JSON).build();
    }

    @GET
    @PermitAll
    @Path("/stats")
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV})
    @Operation(operationId = "getProjectStats", summary = "Counts and sums of projects per destination, kind, sector, chain, status or signed year")
    @APIResponse(responseCode = "200", description = "One group per value (null: not stated)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.class)),
                    @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response stats(
            @Parameter(description = "destination, origin, kind, sector, chain, status or year (signed year)", required = true, example = "destination")
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Projects as they stood on this date (YYYY-MM-DD)", example = "2018-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "json or csv; overrides Accept", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        if (groupBy == null || groupBy.isBlank()) {
            throw ProblemException.invalidParameter("groupBy", "required: one of " + String.join(", ", GROUP_BY));
        }
        String g = QueryParams.oneOf("groupBy", groupBy, GROUP_BY, null);
        Listing.Negotiated<StatsGroup> answer = Listing.<StatsGroup>json()
                .json(page -> new Stats(g, page.items().stream().mapToLong(StatsGroup::projects).sum(), page.items()))
                .csv(groups -> statsCsv(g, groups)).negotiate(format, headers);
        List<StatsGroup> groups = queries.stats(g, ProjectFilter.all(Dates.parameter("asOf", asOf))).stream()
                .map(s -> new StatsGroup(s.key(), s.key() != null && (g.equals("destination") || g.equals("origin")) ? regions.name(s.key()) : null,
                        s.projects(), s.investmentCny100m(), s.jobs()))
                .toList();
        return answer.all(groups);
    }

    private String flowsCsv(String measure, List<FlowCell> cells) {
        StringBuilder csv = new StringBuilder(Formats.csvLine(List.of("origin", "origin_name", "destination", "destination_name",
                measure)));
        cells.forEach(c -> csv.append(Formats.csvLine(Arrays.asList(c.origin(), regions.name(c.origin()),
                c.destination(), regions.name(c.destination()), c.value()))));
        return csv.toString();
    }

    private static String statsCsv(String groupBy, List<StatsGroup> groups) {
        StringBuilder csv = new StringBuilder(Formats.csvLine(List.of(groupBy, "name", "projects", "investment_cny_100m", "jobs")));
        groups.forEach(s -> csv.append(Formats.csvLine(Arrays.asList(s.key(), s.name(), s.projects(), s.investmentCny100m(), s.jobs()))));
        return csv.toString();
    }

    private FlowRegion region(String code) {
        return new FlowRegion(code, regions.name(code));
    }
}
