package io.jjj.platform.regions;

import io.jjj.platform.events.EventPublisher;
import io.jjj.platform.feeds.FeedCounts;
import io.jjj.platform.feeds.FeedHandler;
import io.jjj.platform.feeds.FeedRow;
import io.jjj.platform.feeds.Parsed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regions feed ({@code code,name_en,name_zh,level,source} and optionally {@code parent,administered_by,
 * valid_from,valid_to,lon,lat,point_source,source_date,source_citation,predecessors,change_kind,change_note}): adds
 * regions or replaces them by code. A row naming {@code predecessors} records a change into it on its
 * {@code valid_from} and ends the predecessors it replaces then. Nothing is written here: each chunk is published
 * as one {@code jjj.regions.updated.v1} event, which every service following the updates (this one included)
 * stores and lays over its reference, with no restart. One instance per feed: the service that serves the regions
 * declares it as its {@code regions} feed.
 */
public final class RegionsFeed implements FeedHandler<RegionsFeed.Row> {

    public static final String UPDATED = "jjj.regions.updated.v1";
    private static final Set<String> LEVELS = Set.of("province", "prefecture", "county");
    private static final Set<String> CHANGE_KINDS = Set.of("merge", "recode", "overlap");

    /** One valid row: the region, and the change into it when the row names predecessors. */
    public record Row(Region region, RegionChange change, String sourceId, String citation) {
    }

    private final Regions regions;
    private final EventPublisher events;
    private final Map<String, Region> fed = new HashMap<>();

    public RegionsFeed(Regions regions, EventPublisher events) {
        this.regions = regions;
        this.events = events;
    }

    @Override
    public String name() {
        return "regions";
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("code", "name_en", "name_zh", "level", "source");
    }

    @Override
    public Set<String> optionalColumns() {
        return Set.of("parent", "administered_by", "valid_from", "valid_to", "lon", "lat", "point_source", "source_date",
                "source_citation", "predecessors", "change_kind", "change_note");
    }

    @Override
    public Parsed<Row> parse(FeedRow row) {
        String code = row.required("code").filter(c -> {
            if (!c.matches("\\d{6}")) {
                row.error("code", "must be a six-digit GB/T 2260 code, was '" + c + "'");
                return false;
            }
            return true;
        }).orElse(null);
        String nameEn = row.required("name_en").orElse(null);
        String nameZh = row.required("name_zh").orElse(null);
        String level = row.required("level").filter(l -> {
            if (!LEVELS.contains(l)) {
                row.error("level", "must be province, prefecture or county, was '" + l + "'");
                return false;
            }
            return true;
        }).orElse(null);
        String parent = known(row, "parent");
        if (parent == null && level != null && !level.equals("province") && row.valid()) {
            row.error("parent", "is required for a " + level);
        }
        String administeredBy = known(row, "administered_by");
        LocalDate validFrom = row.date("valid_from").orElse(null);
        LocalDate validTo = row.date("valid_to").orElse(null);
        if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
            row.error("valid_to", "must be after valid_from (" + validFrom + "), was " + validTo);
        }
        Double lon = coordinate(row, "lon", 180);
        Double lat = coordinate(row, "lat", 90);
        Optional<String> pointSource = row.text("point_source");
        if ((lon == null) != (lat == null)) {
            row.error(lon == null ? "lon" : "lat", "a point needs both lon and lat");
        } else if (lon != null && pointSource.isEmpty()) {
            row.error("point_source", "names the source of the point; a point without one is not taken");
        }
        String source = row.required("source").orElse(null);
        Optional<String> citation = row.text("source_citation");
        if (source != null && citation.isEmpty() && !regions.sources().containsKey(source)) {
            row.error("source", "unknown source '" + source + "'; give its source_citation");
        }
        LocalDate sourceDate = row.date("source_date").orElse(null);
        RegionChange change = change(row, code, validFrom);
        if (!row.valid()) {
            return Parsed.refused();
        }
        Region region = new Region(code, nameEn, nameZh, level, parent, administeredBy, validFrom, validTo, lon, lat,
                pointSource.orElse(null), "feed", source, sourceDate);
        fed.put(code, region);
        return Parsed.valid(new Row(region, change, source, citation.orElse(null)));
    }

    /** A code that must be a region of the reference or of an earlier row of this feed. */
    private String known(FeedRow row, String column) {
        return row.text(column).filter(c -> {
            if (!regions.isRegion(c) && !fed.containsKey(c)) {
                row.error(column, "unknown region '" + c + "'");
                return false;
            }
            return true;
        }).orElse(null);
    }

    private static Double coordinate(FeedRow row, String column, int bound) {
        Optional<BigDecimal> value = row.decimal(column);
        if (value.isPresent() && value.get().abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
            row.error(column, "must be between -" + bound + " and " + bound + ", was " + value.get().toPlainString());
            return null;
        }
        return value.map(BigDecimal::doubleValue).orElse(null);
    }

    private RegionChange change(FeedRow row, String code, LocalDate validFrom) {
        Optional<String> listed = row.text("predecessors");
        if (listed.isEmpty()) {
            return null;
        }
        List<String> predecessors = List.of(listed.get().split(";"));
        for (String p : predecessors) {
            if (!regions.isRegion(p) && !fed.containsKey(p)) {
                row.error("predecessors", "unknown region '" + p + "'");
            }
        }
        String kind = row.text("change_kind").orElse(predecessors.size() == 1 ? "recode" : "merge");
        if (!CHANGE_KINDS.contains(kind)) {
            row.error("change_kind", "must be merge, recode or overlap, was '" + kind + "'");
        }
        if (validFrom == null) {
            row.error("valid_from", "dates the change from the predecessors; required with predecessors");
            return null;
        }
        if (code == null) {
            return null; // the row's code was refused already
        }
        return new RegionChange(code + "@" + validFrom, validFrom, kind, predecessors, List.of(code),
                row.text("source").orElse(""), row.text("change_note").orElse(kind + " into " + code));
    }

    @Override
    public void apply(List<Row> rows, FeedCounts counts) {
        Map<String, Region> out = new LinkedHashMap<>();
        List<RegionChange> changes = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Row row : rows) {
            Region r = row.region();
            Optional<Region> current = Optional.ofNullable(out.get(r.code())).or(() -> regions.region(r.code()));
            boolean changeKnown = row.change() == null
                    || regions.changes().stream().anyMatch(c -> c.equals(row.change()));
            boolean citationKnown = row.citation() == null || row.citation().equals(regions.sources().get(row.sourceId()));
            if (current.filter(r::equals).isPresent() && changeKnown && citationKnown) {
                counts.unchanged();
                continue;
            }
            if (current.isPresent()) {
                counts.updated();
            } else {
                counts.inserted();
            }
            out.put(r.code(), r);
            if (row.citation() != null) {
                sources.put(row.sourceId(), row.citation());
            }
            if (row.change() != null) {
                changes.add(row.change());
                if (!"overlap".equals(row.change().kind())) {
                    for (String p : row.change().predecessors()) {
                        if (!p.equals(r.code())) {
                            Region ended = Optional.ofNullable(out.get(p)).or(() -> Optional.ofNullable(fed.get(p)))
                                    .or(() -> regions.region(p)).orElseThrow();
                            out.put(p, new Region(ended.code(), ended.nameEn(), ended.nameZh(), ended.level(), ended.parent(),
                                    ended.administeredBy(), ended.validFrom(), row.change().date(), ended.lon(), ended.lat(),
                                    ended.pointSource(), ended.nameEnSource(), ended.source(), ended.sourceDate()));
                        }
                    }
                }
            }
        }
        if (!out.isEmpty()) {
            events.publish(UPDATED, "regions", new RegionUpdate(List.copyOf(out.values()), changes, sources));
            counts.events(1);
        }
    }
}
