package io.jjj.platform.regions;

import io.jjj.platform.feeds.CsvReader;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The reference list of regions and region groups every service validates against, with lookup, hierarchy
 * (a province contains its prefectures and their counties) and group expansion.
 */
@ApplicationScoped
public class Regions {

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, RegionGroup> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();

    public Regions() {
        read("regions/regions.csv", (header, row) -> {
            Region r = new Region(row.get(0), row.get(1), row.get(2), row.get(3),
                    row.get(4).isBlank() ? null : row.get(4), Double.parseDouble(row.get(5)), Double.parseDouble(row.get(6)));
            regions.put(r.code(), r);
        });
        read("regions/region-groups.csv", (header, row) -> {
            RegionGroup g = new RegionGroup(row.get(0), row.get(1), List.of(row.get(2).split(";")), row.get(3));
            groups.put(g.code(), g);
        });
        regions.values().forEach(r -> {
            if (r.parent() != null) {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.code());
            }
        });
    }

    private static void read(String resource, BiConsumer<List<String>, List<String>> rowConsumer) {
        try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                rowConsumer.accept(header, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<Region> all() {
        return regions.values();
    }

    public Collection<RegionGroup> groups() {
        return groups.values();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Optional<RegionGroup> group(String code) {
        return Optional.ofNullable(groups.get(code));
    }

    public boolean isRegion(String code) {
        return regions.containsKey(code);
    }

    public boolean isGroup(String code) {
        return groups.containsKey(code);
    }

    /** A region code or a group code. */
    public boolean isKnown(String code) {
        return code != null && (isRegion(code) || isGroup(code));
    }

    /** Answers 400 naming the field when {@code code} is neither a region nor a group. */
    public String require(String field, String code) {
        if (!isKnown(code)) {
            throw ProblemException.badRequest(field + ": unknown region '" + code + "'",
                    FieldError.field(field, "unknown region or region group '" + code + "'"));
        }
        return code;
    }

    /** The direct members of a group; a region stands for itself. */
    public List<String> members(String code) {
        RegionGroup g = groups.get(code);
        return g == null ? List.of(code) : g.members();
    }

    /** The children of a region (prefectures of a province, counties of a prefecture). */
    public List<String> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** The region itself and every region below it; for a group, that of each member. */
    public Set<String> expand(String code) {
        Set<String> out = new LinkedHashSet<>();
        for (String member : members(code)) {
            collect(member, out);
        }
        return out;
    }

    private void collect(String code, Set<String> out) {
        if (out.add(code)) {
            children(code).forEach(c -> collect(c, out));
        }
    }

    /** Whether {@code code} lies in {@code area} (the same region, below it, or in a group's members). */
    public boolean contains(String area, String code) {
        if (area.equals(code)) {
            return true;
        }
        if (isGroup(area)) {
            return members(area).stream().anyMatch(m -> contains(m, code));
        }
        for (String c = parentOf(code); c != null; c = parentOf(c)) {
            if (c.equals(area)) {
                return true;
            }
        }
        return false;
    }

    public String parentOf(String code) {
        Region r = regions.get(code);
        return r == null ? null : r.parent();
    }

    /** The province-level region a region lies in (itself for a province); empty for groups and unknown codes. */
    public Optional<String> province(String code) {
        return ancestorAtLevel(code, "province");
    }

    /** The prefecture a region lies in (itself for a prefecture); a province has none. */
    public Optional<String> prefecture(String code) {
        return ancestorAtLevel(code, "prefecture");
    }

    private Optional<String> ancestorAtLevel(String code, String level) {
        for (Region r = regions.get(code); r != null; r = r.parent() == null ? null : regions.get(r.parent())) {
            if (r.level().equals(level)) {
                return Optional.of(r.code());
            }
        }
        return Optional.empty();
    }

    /** A point for the region, or for a group the mean of its members' points. */
    public Optional<double[]> point(String code) {
        Region r = regions.get(code);
        if (r != null) {
            return Optional.of(new double[] {r.lon(), r.lat()});
        }
        RegionGroup g = groups.get(code);
        if (g == null) {
            return Optional.empty();
        }
        double lon = 0;
        double lat = 0;
        int n = 0;
        for (String m : g.members()) {
            Optional<double[]> p = point(m);
            if (p.isPresent()) {
                lon += p.get()[0];
                lat += p.get()[1];
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(new double[] {lon / n, lat / n});
    }

    public String name(String code) {
        Region r = regions.get(code);
        if (r != null) {
            return r.nameEn();
        }
        RegionGroup g = groups.get(code);
        return g == null ? code : g.nameEn();
    }
}
