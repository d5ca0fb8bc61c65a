package io.jjj.indicators.api;

import jakarta.annotation.security.PermitAll;
import io.jjj.indicators.api.ObservationViews.HistoryView;
import io.jjj.indicators.api.ObservationViews.ObservationPage;
import io.jjj.indicators.api.ObservationViews.ObservationView;
import io.jjj.indicators.api.ObservationViews.VintageView;
import io.jjj.indicators.domain.Catalogue;
import io.jjj.indicators.domain.Cell;
import io.jjj.indicators.domain.Frequency;
import io.jjj.indicators.domain.Indicator;
import io.jjj.indicators.domain.ObservationQueries;
import io.jjj.indicators.domain.ObservationStore;
import io.jjj.indicators.domain.QueryCatalogue;
import io.jjj.indicators.domain.SeriesKey;
import io.jjj.indicators.domain.Transform;
import io.jjj.indicators.domain.Vintage;
import io.jjj.platform.http.TaggedByBody;
import io.jjj.platform.paging.Page;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.input.QueryParams;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.input.Dates;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Regions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/observations")
@Tag(name = "indicators", description = "Regional statistics with vintages, transforms and feeds")
public class ObservationResource {

    private static final int MAX_LATEST = 1000;

    private final ObservationQueries queries;
    private final ObservationStore store;
    private final Catalogue catalogue;
    private final QueryCatalogue queryCatalogue;
    private final Regions regions;

    public ObservationResource(ObservationQueries queries, ObservationStore store, Catalogue catalogue, QueryCatalogue queryCatalogue,
                               Regions regions) {
        this.queries = queries;
        this.store = store;
        this.catalogue = catalogue;
        this.queryCatalogue = queryCatalogue;
        this.regions = regions;
    }

    @TaggedByBody
    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV})
    @Operation(operationId = "queryObservations", summary = "Observations of indicators by region and period, with vintages, region-group sums and transforms")
    @APIResponse(responseCode = "200", description = "One page of observations sorted by indicator, region (both as requested) and period; "
            + "Link and X-Total-Count headers. CSV has a header row and the same columns",
            headers = {@Header(name = "X-Total-Count", description = "Rows across all pages", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "first, prev, next, last pages", schema = @Schema(type = SchemaType.STRING))},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationPage.class)),
                    @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING,
                            example = "indicator,region,region_name,period,value,unit,scale,status,source,published,received,note,derivation,reason,citation\n"
                                    + "va.tertiary,110000,Beijing,2013,14986.5,CNY 100 million,100000000,published,TANG2018,2018-11-01,2026-01-05T08:00:00Z,,,,\"Shaoqing Tang et al., …\""))})
    @APIResponse(responseCode = "400", description = "A malformed or unknown parameter (indicator, region, from, to, latest, asOf, "
            + "transform, page, size, format), from after to, or a sum asked for a non-additive indicator over a region group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response query(
            @Parameter(description = "Indicator codes, comma-separated", required = true, example = "va.tertiary,va.tertiary.share") @QueryParam("indicator") String indicator,
            @Parameter(description = "Region or region-group codes, comma-separated; every region with data when absent. "
                    + "A group's value is the published one or, for additive indicators, the sum of its members", example = "110000,120000,130000,JJJ") @QueryParam("region") String region,
            @Parameter(description = "First period (YYYY, YYYYQn or YYYY-MM)", example = "2010") @QueryParam("from") String from,
            @Parameter(description = "Last period, inclusive", example = "2013") @QueryParam("to") String to,
            @Parameter(description = "Only the N most recent periods of each series", example = "1") @QueryParam("latest") String latest,
            @Parameter(description = "The values as known on this date: for each observation the vintage with the latest "
                    + "publication date on or before it (derived indicators have no vintages and are left out)", example = "2018-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "Computed on the server: yoy (growth over the same period a year before, %), diff (change from "
                    + "the previous period), index:YYYY (base period = 100), share:<indicator> (% of another indicator, same region "
                    + "and period), gap:<region> (minus another region's value), cagr (compound annual growth over the range, %)",
                    example = "gap:130000") @QueryParam("transform") String transform,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 1000 (default 50)", example = "100") @QueryParam("size") String size,
            @Parameter(description = "json (default) or csv; Accept: text/csv works too", example = "csv") @QueryParam("format") String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Listing.Negotiated<ObservationView> listing = Listing.<ObservationView>json()
                .json(p -> new ObservationPage(p.items(), p.page(), p.size(), p.total(), citations(p.items())))
                .csv(items -> ObservationCsv.write(items, citations(items)))
                .negotiate(format, headers);
        PageRequest paging = PageRequest.parse(page, size);
        ObservationQueries.Query query = parse(indicator, region, from, to, latest, asOf, transform);
        return listing.ok(Page.slice(queries.run(query), paging).map(this::view), uri);
    }

    /** The citations of the sources the rows name. */
    private Map<String, String> citations(List<ObservationView> rows) {
        Set<String> ids = new TreeSet<>();
        rows.forEach(r -> {
            if (r.source() != null) {
                ids.add(r.source());
            }
        });
        return ids.isEmpty() ? Map.of() : queryCatalogue.sources(ids);
    }

    ObservationQueries.Query parse(String indicator, String region, String from, String to, String latest, String asOf, String transform) {
        List<String> indicators = distinct(QueryParams.list("indicator", indicator, null));
        if (indicators.isEmpty()) {
            throw ProblemException.invalidParameter("indicator", "required: one or more indicator codes, comma-separated");
        }
        List<String> regionList = QueryParams.list("region", region, null);
        List<String> regionCodes = regionList == null ? null : distinct(regionList);
        if (regionCodes != null) {
            regionCodes.forEach(r -> regions.require("region", r));
        }
        LocalDate fromDate = period("from", from, false);
        LocalDate untilDate = period("to", to, true);
        if (fromDate != null && untilDate != null && !fromDate.isBefore(untilDate)) {
            throw ProblemException.badRequest("from (" + from + ") is after to (" + to + ")",
                    FieldError.field("from", "must not be after to"), FieldError.field("to", "must not be before from"));
        }
        Integer latestN = latest == null || latest.isBlank() ? null : QueryParams.whole("latest", latest, 1, MAX_LATEST);
        return new ObservationQueries.Query(indicators, regionCodes, fromDate, untilDate, latestN, Dates.parameter("asOf", asOf),
                Transform.parse(transform));
    }

    /** The codes once each, in the order given; empty when absent. */
    private static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(codes));
    }

    /** The first day of a period label, or (for the end of a range) the day after its last day. */
    private static LocalDate period(String field, String raw, boolean end) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String label = raw.trim();
        return (end ? Frequency.endOf(label) : Frequency.startOf(label)).orElseThrow(() -> ProblemException.invalidParameter(field,
                "malformed period '" + raw + "'; use YYYY, YYYYQn or YYYY-MM"));
    }

    private ObservationView view(ObservationQueries.Row r) {
        Cell c = r.cell();
        return new ObservationView(r.indicator().code(), r.region(), regions.name(r.region()), r.period(), c.value(), r.unit(),
                r.scale(), c.status(), c.source(), c.published(), c.received(), c.note(), c.derivation(), c.reason());
    }

    @GET
    @PermitAll
    @Path("/{indicator}/{region}/{period}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getObservationHistory", summary = "Every vintage of one observation, as ALFRED keeps them")
    @APIResponse(responseCode = "200", description = "The vintages, latest publication first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "400", description = "Unknown region, or a period that is malformed or not of the indicator's frequency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator, or no value was ever received for this observation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryView history(
            @Parameter(description = "Indicator code", example = "va.tertiary") @PathParam("indicator") String indicator,
            @Parameter(description = "Region or region-group code", example = "110000") @PathParam("region") String region,
            @Parameter(description = "Period in the indicator's frequency", example = "2013") @PathParam("period") String period) {
        Indicator i = catalogue.indicator(indicator).orElseThrow(() -> ProblemException.notFound(
                "No indicator '" + indicator + "'; /api/indicators lists the catalogue"));
        regions.require("region", region);
        LocalDate start = i.frequency().parseLabel(period).orElseThrow(() -> ProblemException.invalidParameter("period",
                "'" + period + "' is not a period of " + i.code() + ", which is " + i.frequency().value() + " (" + i.frequency().pattern + ")"));
        List<Vintage> vintages = store.history(new SeriesKey(indicator, region), start);
        if (vintages.isEmpty()) {
            throw ProblemException.notFound("No value of " + indicator + " for " + region + " in " + period + " was ever received");
        }
        Map<String, String> citations = catalogue.sources();
        return new HistoryView(indicator, region, period, i.unit().label(), vintages.stream()
                .map(v -> new VintageView(v.value(), v.status(), v.source(), v.source() == null ? null : citations.get(v.source()),
                        v.published(), v.received(), v.note())).toList());
    }
}
