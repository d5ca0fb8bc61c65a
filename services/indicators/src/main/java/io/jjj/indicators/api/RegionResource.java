package io.jjj.indicators.api;

import jakarta.annotation.security.PermitAll;
import io.jjj.indicators.api.RegionViews.GroupView;
import io.jjj.indicators.api.RegionViews.MemberView;
import io.jjj.indicators.api.RegionViews.RegionDetail;
import io.jjj.indicators.api.RegionViews.RegionList;
import io.jjj.indicators.api.RegionViews.RegionView;
import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.regions.Region;
import io.jjj.platform.regions.RegionGroup;
import io.jjj.platform.regions.Regions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indicators", description = "Regional statistics with vintages, transforms and feeds")
public class RegionResource {

    private static final Set<String> LEVELS = Set.of("province", "prefecture", "county");

    private final Regions regions;

    public RegionResource(Regions regions) {
        this.regions = regions;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listRegions", summary = "Every region (GB/T 2260) and region group, with groups' members")
    @APIResponse(responseCode = "200", description = "Regions and groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionList.class)))
    @APIResponse(responseCode = "400", description = "Unknown level or parent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegionList list(
            @Parameter(description = "Only regions of this level", example = "prefecture") @QueryParam("level") String level,
            @Parameter(description = "Only regions directly below this region", example = "130000") @QueryParam("parent") String parent) {
        if (level != null && !LEVELS.contains(level)) {
            throw ProblemException.invalidParameter("level", "must be province, prefecture or county, was '" + level + "'");
        }
        if (parent != null && !regions.isRegion(parent)) {
            throw ProblemException.invalidParameter("parent", "unknown region '" + parent + "'");
        }
        List<RegionView> out = regions.all().stream()
                .filter(r -> level == null || r.level().equals(level))
                .filter(r -> parent == null || parent.equals(r.parent()))
                .map(this::view).toList();
        boolean filtered = level != null || parent != null;
        return new RegionList(out, filtered ? List.of() : regions.groups().stream().map(this::view).toList());
    }

    @GET
    @PermitAll
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "One region with its parent, children and groups, or one group with its members")
    @APIResponse(responseCode = "200", description = "The region or group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionDetail.class)))
    @APIResponse(responseCode = "404", description = "No such region or group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegionDetail get(@Parameter(description = "Region code or group code", example = "130000") @PathParam("code") String code) {
        if (regions.isGroup(code)) {
            return new RegionDetail("group", null, view(regions.group(code).orElseThrow()), null);
        }
        Region r = regions.region(code).orElseThrow(() -> ProblemException.notFound(
                "No region or region group '" + code + "'; /api/regions lists them"));
        List<String> ancestors = new ArrayList<>();
        for (String p = r.parent(); p != null; p = regions.parentOf(p)) {
            ancestors.add(p);
        }
        return new RegionDetail("region", view(r), null, ancestors);
    }

    private RegionView view(Region r) {
        List<String> groups = regions.groups().stream().filter(g -> g.members().contains(r.code())).map(RegionGroup::code).toList();
        return new RegionView(r.code(), r.nameEn(), r.nameZh(), r.level(), r.parent(), r.lon(), r.lat(),
                regions.children(r.code()), groups);
    }

    private GroupView view(RegionGroup g) {
        double[] point = regions.point(g.code()).orElse(new double[] {0, 0});
        List<MemberView> members = g.members().stream().map(m -> regions.region(m)
                .map(r -> new MemberView(r.code(), r.nameEn(), r.nameZh()))
                .orElse(new MemberView(m, m, null))).toList();
        return new GroupView(g.code(), g.nameEn(), g.note(), members, point[0], point[1]);
    }
}
