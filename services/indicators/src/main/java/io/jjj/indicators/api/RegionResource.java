package io.jjj.indicators.api;

import io.jjj.indicators.api.RegionViews.ChangeList;
import io.jjj.indicators.api.RegionViews.GroupView;
import io.jjj.indicators.api.RegionViews.MemberView;
import io.jjj.indicators.api.RegionViews.RegionDetail;
import io.jjj.indicators.api.RegionViews.RegionView;
import io.jjj.platform.formats.Formats;
import io.jjj.platform.formats.GeoJson;
import io.jjj.platform.formats.Listing;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Region;
import io.jjj.platform.regions.RegionChange;
import io.jjj.platform.regions.RegionGroup;
import io.jjj.platform.regions.Regions;
import io.jjj.platform.time.Today;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "Regional statistics with vintages, transforms and feeds")
public class RegionResource {

    private static final Set<String> LEVELS = Set.of("province", "prefecture", "county");

    private final Regions regions;
    private final Today today;

    public RegionResource(Regions regions, Today today) {
        this.regions = regions;
        this.today = today;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, Formats.GEOJSON})
    @Operation(operationId = "listRegions", summary = "The regions (GB/T 2260) in force on asOf, paged; as GeoJSON, one Point per region a source places")
    @APIResponse(responseCode = "200", description = "A page of regions; GeoJSON features without a sourced point have a null geometry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class)))
    public Response list(
            @Parameter(description = "Only regions of this level", example = "county") @QueryParam("level") String level,
            @Parameter(description = "Only regions directly below this region in GB/T 2260, or administered by it", example = "133100")
            @QueryParam("parent") String parent,
            @Parameter(description = "Only regions whose English or Chinese name contains this, ignoring case", example = "Xiong")
            @QueryParam("name") String name,
            @Parameter(description = "The regions in force on this date (YYYY-MM-DD); today in Asia/Shanghai when absent", example = "2009-01-01")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1..1000 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(description = "json or geojson; overrides Accept", example = "geojson") @QueryParam("format") String format,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Listing.Negotiated<RegionView> listing = Listing.<RegionView>json().geoJson(RegionResource::geoJson).negotiate(format, headers);
        if (level != null && !LEVELS.contains(level)) {
            throw ProblemException.invalidParameter("level", "must be province, prefecture or county, was '" + level + "'");
        }
        if (parent != null && !regions.isRegion(parent)) {
            throw ProblemException.invalidParameter("parent", "unknown region '" + parent + "'");
        }
        PageRequest request = PageRequest.parse(page, size);
        LocalDate date = today.asOf(asOf);
        String needle = name == null || name.isBlank() ? null : name.trim().toLowerCase(Locale.ROOT);
        List<Region> matching = regions.on(date).stream()
                .filter(r -> level == null || r.level().equals(level))
                .filter(r -> parent == null || parent.equals(r.parent()) || parent.equals(r.administeredBy()))
                .filter(r -> needle == null || r.nameEn().toLowerCase(Locale.ROOT).contains(needle) || r.nameZh().contains(needle))
                .toList();
        return listing.ok(Page.slice(matching, request).map(r -> view(r, date)), uri);
    }

    @GET
    @PermitAll
    @Path("/groups")
    @Operation(operationId = "listRegionGroups", summary = "Every region group with its members; additive indicators sum over the members")
    @APIResponse(responseCode = "200", description = "The groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = GroupView.class)))
    public Response groups(@Context HttpHeaders headers) {
        return Listing.<GroupView>json().negotiate(null, headers).all(regions.groups().stream().map(this::view).toList());
    }

    @GET
    @PermitAll
    @Path("/changes")
    @Operation(operationId = "listRegionChanges", summary = "Changes of the divisions (merge, recode, rename, abolish, overlap) with their predecessors, successors and sources")
    @APIResponse(responseCode = "200", description = "The changes, oldest first, and the citation of every source id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeList.class)))
    public ChangeList changes() {
        return new ChangeList(regions.changes(), regions.sources());
    }

    @GET
    @PermitAll
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "One region with its parent, children, groups and changes, or one group with its members")
    @APIResponse(responseCode = "200", description = "The region or group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionDetail.class)))
    public RegionDetail get(@Parameter(description = "Region code or group code", example = "130000") @PathParam("code") String code,
                            @Parameter(description = "Children in force on this date (YYYY-MM-DD); today in Asia/Shanghai when absent", example = "2009-01-01")
                            @QueryParam("asOf") String asOf) {
        if (regions.isGroup(code)) {
            return new RegionDetail("group", null, view(regions.group(code).orElseThrow()), null, null);
        }
        Region r = regions.region(code).orElseThrow(() -> ProblemException.notFound(
                "No region or region group '" + code + "'; /api/regions lists them"));
        List<RegionChange> changes = regions.changes().stream()
                .filter(c -> c.predecessors().contains(code) || c.successors().contains(code)).toList();
        return new RegionDetail("region", view(r, today.asOf(asOf)), null, regions.ancestors(code), changes);
    }

    private RegionView view(Region r, LocalDate date) {
        List<String> groups = regions.groups().stream().filter(g -> g.members().contains(r.code())).map(RegionGroup::code).toList();
        List<String> children = new ArrayList<>();
        for (String c : regions.children(r.code())) {
            regions.region(c).filter(child -> child.validOn(date)).ifPresent(child -> children.add(child.code()));
        }
        children.addAll(regions.administered(r.code()));
        return new RegionView(r.code(), r.nameEn(), r.nameZh(), r.level(), r.parent(), r.administeredBy(), r.validFrom(),
                r.validTo(), r.lon(), r.lat(), r.pointSource(), r.nameEnSource(), r.source(), r.sourceDate(), children, groups);
    }

    private GroupView view(RegionGroup g) {
        double[] point = regions.point(g.code()).orElse(null);
        List<MemberView> members = g.members().stream().map(m -> regions.region(m)
                .map(r -> new MemberView(r.code(), r.nameEn(), r.nameZh()))
                .orElse(new MemberView(m, m, null))).toList();
        return new GroupView(g.code(), g.nameEn(), g.note(), members, point == null ? null : point[0], point == null ? null : point[1]);
    }

    private static Map<String, Object> geoJson(Page<RegionView> page) {
        List<Object> features = new ArrayList<>();
        for (RegionView r : page.items()) {
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", r.code());
            feature.put("geometry", r.lon() == null ? null : Map.of("type", "Point", "coordinates", List.of(r.lon(), r.lat())));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("nameEn", r.nameEn());
            properties.put("nameZh", r.nameZh());
            properties.put("level", r.level());
            properties.put("parent", r.parent());
            properties.put("administeredBy", r.administeredBy());
            properties.put("validFrom", r.validFrom());
            properties.put("validTo", r.validTo());
            properties.put("pointSource", r.pointSource());
            properties.put("source", r.source());
            feature.put("properties", properties);
            features.add(feature);
        }
        return GeoJson.page(features, page);
    }
}
