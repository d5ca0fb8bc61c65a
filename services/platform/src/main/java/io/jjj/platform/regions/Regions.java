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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference list of regions and region groups every service validates against, with lookup, hierarchy
 * (a province contains its prefectures and their counties; a unit also contains what it administers, as Xiong'an
 * its three counties), group expansion, and the codes through time: each region's dates and the changes between
 * them. Generated from named sources by {@code tools/regions}; each row names its source.
 */
@ApplicationScoped
public class Regions {

    private final State base;
    private volatile State state;

    /** One consistent reference: the regions, groups, changes and sources, with the hierarchy derived from them. */
    private static final class State {
        final Map<String, Region> regions = new LinkedHashMap<>();
        final Map<String, RegionGroup> groups;
        final Map<String, List<String>> children = new LinkedHashMap<>();
        final Map<String, List<String>> administered = new LinkedHashMap<>();
        final List<RegionChange> changes;
        final Map<String, String> sources;

        State(Collection<Region> regions, Map<String, RegionGroup> groups, List<RegionChange> changes, Map<String, String> sources) {
            regions.stream().sorted(Comparator.comparing(Region::code)).forEach(r -> this.regions.put(r.code(), r));
            this.groups = new LinkedHashMap<>(groups);
            this.changes = changes.stream().sorted(Comparator.comparing(RegionChange::date)).toList();
            this.sources = new LinkedHashMap<>(sources);
            this.regions.values().forEach(r -> {
                if (r.parent() != null) {
                    children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.code());
                }
                if (r.administeredBy() != null) {
                    administered.computeIfAbsent(r.administeredBy(), k -> new ArrayList<>()).add(r.code());
                }
            });
            this.groups.values().forEach(g -> requireDisjointMembers(this, g));
        }
    }

    public Regions() {
        List<Region> regions = new ArrayList<>();
        Map<String, RegionGroup> groups = new LinkedHashMap<>();
        List<RegionChange> changes = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        read("regions/regions.csv", row -> regions.add(new Region(row.get("code"), row.get("name_en"), row.get("name_zh"),
                row.get("level"), blankToNull(row.get("parent")), blankToNull(row.get("administered_by")),
                date(row.get("valid_from")), date(row.get("valid_to")), number(row.get("lon")), number(row.get("lat")),
                blankToNull(row.get("point_source")), row.get("name_en_source"), row.get("source"), date(row.get("source_date")))));
        read("regions/region-groups.csv", row -> {
            RegionGroup g = new RegionGroup(row.get("group"), row.get("name_en"), List.of(row.get("members").split(";")), row.get("note"));
            groups.put(g.code(), g);
        });
        read("regions/region-changes.csv", row -> changes.add(new RegionChange(row.get("id"), date(row.get("date")),
                row.get("kind"), codes(row.get("predecessors")), codes(row.get("successors")), row.get("source"), row.get("note"))));
        read("regions/region-sources.csv", row -> sources.put(row.get("id"), row.get("citation")));
        base = new State(regions, groups, changes, sources);
        state = base;
    }

    /**
     * The reference with {@code updates} (from the regions feed, oldest first) laid over the generated one: a region
     * replaces the one with its code, changes and sources are added. Refused, leaving the reference as it was, when
     * the result would let a group count a region twice.
     */
    public synchronized void apply(List<RegionUpdate> updates) {
        Map<String, Region> regions = new LinkedHashMap<>(base.regions);
        List<RegionChange> changes = new ArrayList<>(base.changes);
        Map<String, String> sources = new LinkedHashMap<>(base.sources);
        for (RegionUpdate u : updates) {
            u.regions().forEach(r -> regions.put(r.code(), r));
            changes.removeIf(c -> u.changes().stream().anyMatch(n -> n.id().equals(c.id())));
            changes.addAll(u.changes());
            sources.putAll(u.sources());
        }
        state = new State(regions.values(), base.groups, changes, sources);
    }

    /** A group's members must not overlap, or a sum over them would count a region twice. */
    void requireDisjointMembers(RegionGroup g) {
        requireDisjointMembers(state, g);
    }

    private static void requireDisjointMembers(State s, RegionGroup g) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String member : g.members()) {
            Set<String> below = new LinkedHashSet<>();
            collect(s, member, below);
            for (String code : below) {
                String other = seen.putIfAbsent(code, member);
                if (other != null && !other.equals(member)) {
                    throw new IllegalStateException("region group " + g.code() + ": members " + other + " and " + member
                            + " both contain " + code);
                }
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }

    private static Double number(String value) {
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }

    private static List<String> codes(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(";"));
    }

    private static void read(String resource, Consumer<Map<String, String>> rowConsumer) {
        try (InputStream in = Regions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), i < row.size() ? row.get(i) : "");
                }
                rowConsumer.accept(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every region, those retired included. */
    public Collection<Region> all() {
        return state.regions.values();
    }

    public Collection<RegionGroup> groups() {
        return state.groups.values();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(state.regions.get(code));
    }

    public Optional<RegionGroup> group(String code) {
        return Optional.ofNullable(state.groups.get(code));
    }

    public boolean isRegion(String code) {
        return state.regions.containsKey(code);
    }

    public boolean isGroup(String code) {
        return state.groups.containsKey(code);
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
        RegionGroup g = state.groups.get(code);
        return g == null ? List.of(code) : g.members();
    }

    /** The children of a region in GB/T 2260 (prefectures of a province, counties of a prefecture), retired ones included. */
    public List<String> children(String code) {
        return state.children.getOrDefault(code, List.of());
    }

    /** The regions {@code code} administers while GB/T 2260 keeps them under another parent. */
    public List<String> administered(String code) {
        return state.administered.getOrDefault(code, List.of());
    }

    /** The region itself and every region below it or administered by it; for a group, that of each member. */
    public Set<String> expand(String code) {
        Set<String> out = new LinkedHashSet<>();
        State s = state;
        for (String member : members(code)) {
            collect(s, member, out);
        }
        return out;
    }

    private static void collect(State s, String code, Set<String> out) {
        if (out.add(code)) {
            s.children.getOrDefault(code, List.of()).forEach(c -> collect(s, c, out));
            s.administered.getOrDefault(code, List.of()).forEach(c -> collect(s, c, out));
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
        return ancestors(code).contains(area);
    }

    /**
     * The regions above {@code code}: its parents in GB/T 2260, nearest first, then each unit administering it or one
     * of its parents, with that unit's own ancestors. Each appears once, so a sum over them counts the region once
     * in each.
     */
    public List<String> ancestors(String code) {
        Set<String> out = new LinkedHashSet<>();
        List<String> administering = new ArrayList<>();
        for (String c = code; c != null && (c.equals(code) || out.add(c)); c = parentOf(c)) {
            Region r = state.regions.get(c);
            if (r != null && r.administeredBy() != null) {
                administering.add(r.administeredBy());
            }
        }
        for (String unit : administering) {
            if (out.add(unit)) {
                out.addAll(ancestors(unit));
            }
        }
        return List.copyOf(out);
    }

    /** The region followed by {@link #ancestors}: every region a value for it counts towards, each once. */
    public List<String> selfAndAncestors(String code) {
        List<String> out = new ArrayList<>();
        out.add(code);
        out.addAll(ancestors(code));
        return out;
    }

    public String parentOf(String code) {
        Region r = state.regions.get(code);
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
        for (Region r = state.regions.get(code); r != null; r = r.parent() == null ? null : state.regions.get(r.parent())) {
            if (r.level().equals(level)) {
                return Optional.of(r.code());
            }
        }
        return Optional.empty();
    }

    /** The point a named source gives for the region, or for a group the mean of its members' points. */
    public Optional<double[]> point(String code) {
        Region r = state.regions.get(code);
        if (r != null) {
            return r.hasPoint() ? Optional.of(new double[] {r.lon(), r.lat()}) : Optional.empty();
        }
        RegionGroup g = state.groups.get(code);
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

    /** The point of the region or, where no source gives one, that of the nearest region above it with one. */
    public Optional<double[]> nearestPoint(String code) {
        for (String c : selfAndAncestors(code)) {
            Optional<double[]> p = point(c);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    public String name(String code) {
        Region r = state.regions.get(code);
        if (r != null) {
            return r.nameEn();
        }
        RegionGroup g = state.groups.get(code);
        return g == null ? code : g.nameEn();
    }

    /** The regions in force on {@code date}. */
    public List<Region> on(LocalDate date) {
        return state.regions.values().stream().filter(r -> r.validOn(date)).toList();
    }

    /** Every change, oldest first. */
    public List<RegionChange> changes() {
        return state.changes;
    }

    /** The citation of each source id the regions and changes name. */
    public Map<String, String> sources() {
        return state.sources;
    }

    /** The change that ended {@code code}, if one did. */
    public Optional<RegionChange> retirement(String code) {
        return state.changes.stream().filter(c -> c.ends(code)).findFirst();
    }

    /**
     * The merges (and recodings) that made {@code code} what it is after {@code date}: those dated after it with
     * {@code code} as their one successor, oldest first.
     */
    public List<RegionChange> mergesInto(String code, LocalDate date) {
        return state.changes.stream()
                .filter(c -> c.date().isAfter(date) && c.successors().equals(List.of(code)) && !"overlap".equals(c.kind())
                        && !"rename".equals(c.kind()))
                .toList();
    }

    /**
     * Why {@code code} cannot stand for data of a period starting on {@code period}: the code was retired by then
     * (naming its successors, or where its area lies when no successor is named) or not yet created (naming its
     * predecessors). Empty when the code is in force then, or is a group or unknown.
     */
    public Optional<String> notInForce(String code, LocalDate period) {
        Region r = state.regions.get(code);
        if (r == null || r.validOn(period)) {
            return Optional.empty();
        }
        if (r.validTo() != null && !period.isBefore(r.validTo())) {
            Optional<RegionChange> change = retirement(code);
            String use = change.filter(c -> !c.successors().isEmpty())
                    .map(c -> "use its successor " + describe(c.successors()))
                    .orElseGet(() -> "no successor is named; its area lies in " + describe(r.parent() == null ? List.of() : List.of(r.parent())));
            return Optional.of(code + " (" + r.nameEn() + ") was retired on " + r.validTo()
                    + change.map(c -> " (" + c.id() + ", " + c.kind() + ")").orElse("") + "; " + use);
        }
        List<String> predecessors = mergesInto(code, period).stream().filter(c -> c.date().equals(r.validFrom()))
                .flatMap(c -> c.predecessors().stream()).distinct().toList();
        return Optional.of(code + " (" + r.nameEn() + ") was created on " + r.validFrom()
                + (predecessors.isEmpty() ? "" : "; before then use " + describe(predecessors)));
    }

    /** Codes with their English names: {@code 120116 (Binhai New Area)}. */
    public String describe(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> c + " (" + name(c) + ")").toList());
    }
}
