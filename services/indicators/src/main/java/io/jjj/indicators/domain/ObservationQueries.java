package io.jjj.indicators.domain;

import io.jjj.indicators.config.IndicatorsConfig;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.problem.ProblemException;
import io.jjj.platform.input.Dates;
import io.jjj.platform.regions.RegionChange;
import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers observation queries: picks the vintages (latest, or as of a date), overlays published values on derived
 * ones, sums region groups for additive indicators, applies the transform and {@code latest}. Every computed value
 * carries its derivation; one that cannot be computed is absent with the reason.
 */
@ApplicationScoped
public class ObservationQueries {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A validated query. {@code regions} is null for "every region with data". */
    public record Query(List<String> indicators, List<String> regions, LocalDate from, LocalDate until,
                        Integer latest, LocalDate asOf, Transform transform) {
    }

    /** One row of the answer: the series, the period label, the unit after the transform, and the value. */
    public record Row(Indicator indicator, String region, String period, String unit, BigDecimal scale, Cell cell) {
    }

    private final QueryCatalogue catalogue;
    private final ObservationStore store;
    private final Regions regions;
    private final IndicatorsConfig config;

    public ObservationQueries(QueryCatalogue catalogue, ObservationStore store, Regions regions, IndicatorsConfig config) {
        this.catalogue = catalogue;
        this.store = store;
        this.regions = regions;
        this.config = config;
    }

    public List<Row> run(Query q) {
        List<String> codes = new ArrayList<>(q.indicators());
        if (q.transform() instanceof Transform.ShareOf share) {
            codes.add(share.indicator());
        }
        Map<String, Indicator> catalogueNow = catalogue.indicators(codes);
        List<Indicator> indicators = indicators(q.indicators(), catalogueNow);
        Indicator shareTarget = q.transform() instanceof Transform.ShareOf s ? shareTarget(s, indicators, catalogueNow) : null;
        String gapTarget = q.transform() instanceof Transform.GapTo g ? regions.require("transform", g.region()) : null;
        if (q.transform() instanceof Transform.IndexTo index) {
            indicators.forEach(i -> baseOf(index, i));
        }
        LocalDate loadFrom = loadFrom(q);
        LocalDate loadUntil = loadUntil(q);

        Set<String> neededIndicators = new LinkedHashSet<>();
        indicators.forEach(i -> neededIndicators.add(i.code()));
        if (shareTarget != null) {
            neededIndicators.add(shareTarget.code());
        }
        Collection<String> neededRegions = null;
        if (q.regions() != null) {
            Set<String> wanted = new LinkedHashSet<>(q.regions());
            if (gapTarget != null) {
                wanted.add(gapTarget);
            }
            neededRegions = new LinkedHashSet<>();
            for (String r : wanted) {
                neededRegions.add(r);
                for (String m : regions.members(r)) {
                    neededRegions.add(m);
                    neededRegions.addAll(predecessors(m));
                }
            }
        }
        boolean anyDerived = neededIndicators.stream().anyMatch(code -> catalogueNow.get(code).derived());
        Map<SeriesKey, TreeMap<LocalDate, Cell>> raw = load(neededIndicators, neededRegions, loadFrom, loadUntil, q.asOf(), anyDerived);
        Resolver resolver = new Resolver(raw, catalogueNow, q.from());

        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            List<String> regionList = q.regions() != null ? q.regions() : raw.keySet().stream()
                    .filter(k -> k.indicator().equals(indicator.code())).map(SeriesKey::region).sorted().toList();
            for (String region : regionList) {
                List<Row> series = transform(q, indicator, region, resolver, shareTarget, gapTarget);
                if (q.latest() != null && series.size() > q.latest()) {
                    series = series.subList(series.size() - q.latest(), series.size());
                }
                rows.addAll(series);
            }
        }
        return rows;
    }

    private List<Indicator> indicators(List<String> codes, Map<String, Indicator> catalogueNow) {
        List<FieldError> errors = new ArrayList<>();
        List<Indicator> out = new ArrayList<>();
        for (String code : codes) {
            Indicator i = catalogueNow.get(code);
            if (i == null) {
                errors.add(FieldError.field("indicator", "unknown indicator '" + code + "'"));
            } else {
                out.add(i);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.stream().map(FieldError::message).collect(Collectors.joining("; "))
                    + "; the catalogue is at /api/indicators", errors);
        }
        return out;
    }

    private static Indicator shareTarget(Transform.ShareOf share, List<Indicator> indicators, Map<String, Indicator> catalogueNow) {
        Indicator target = catalogueNow.get(share.indicator());
        if (target == null) {
            throw ProblemException.invalidParameter("transform", "share: unknown indicator '" + share.indicator() + "'");
        }
        for (Indicator i : indicators) {
            if (i.frequency() != target.frequency()) {
                throw ProblemException.invalidParameter("transform", "share:" + target.code() + " is " + target.frequency().value()
                        + " but " + i.code() + " is " + i.frequency().value() + "; a share needs the same periods");
            }
        }
        return target;
    }

    /** The base period of an index for one indicator: a period of its frequency, or a year for sub-annual data. */
    private static LocalDate[] baseOf(Transform.IndexTo index, Indicator indicator) {
        Frequency written = Frequency.ofLabel(index.base()).orElseThrow();
        if (written != indicator.frequency() && written != Frequency.ANNUAL) {
            throw ProblemException.invalidParameter("transform", "index:" + index.base() + " is a " + written.value()
                    + " period but " + indicator.code() + " is " + indicator.frequency().value());
        }
        return new LocalDate[] {Frequency.startOf(index.base()).orElseThrow(), Frequency.endOf(index.base()).orElseThrow()};
    }

    private static LocalDate loadFrom(Query q) {
        if (q.from() == null) {
            return null;
        }
        LocalDate from = q.transform() instanceof Transform.YearOnYear || q.transform() instanceof Transform.Difference
                ? q.from().minusYears(1) : q.from();
        if (q.transform() instanceof Transform.IndexTo index) {
            LocalDate base = Frequency.startOf(index.base()).orElseThrow();
            return base.isBefore(from) ? base : from;
        }
        return from;
    }

    private static LocalDate loadUntil(Query q) {
        if (q.until() == null) {
            return null;
        }
        if (q.transform() instanceof Transform.IndexTo index) {
            LocalDate baseEnd = Frequency.endOf(index.base()).orElseThrow();
            return baseEnd.isAfter(q.until()) ? baseEnd : q.until();
        }
        return q.until();
    }

    private Map<SeriesKey, TreeMap<LocalDate, Cell>> load(Collection<String> indicators, Collection<String> regions,
                                                         LocalDate from, LocalDate until, LocalDate asOf, boolean anyDerived) {
        Map<SeriesKey, TreeMap<LocalDate, Cell>> raw = new HashMap<>();
        int loaded = 0;
        if (anyDerived && asOf == null) {
            loaded += overlay(raw, store.derivedValues(indicators, regions, from, until));
        }
        loaded += overlay(raw, store.values(indicators, regions, from, until, asOf));
        if (loaded > config.query().maxObservations()) {
            throw ProblemException.badRequest("The query reads " + loaded + " observations, more than the limit of "
                    + config.query().maxObservations() + "; narrow it with region, from and to",
                    FieldError.field("region", "name the regions to read"));
        }
        return raw;
    }

    private static int overlay(Map<SeriesKey, TreeMap<LocalDate, Cell>> raw, Map<SeriesKey, TreeMap<LocalDate, Vintage>> values) {
        int n = 0;
        for (var e : values.entrySet()) {
            TreeMap<LocalDate, Cell> cells = raw.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
            e.getValue().forEach((p, v) -> cells.put(p, Cell.stored(v)));
            n += e.getValue().size();
        }
        return n;
    }

    /** Every code whose data a region's series may be summed from: the predecessors of the merges that formed it. */
    private List<String> predecessors(String region) {
        List<String> out = new ArrayList<>();
        for (RegionChange c : regions.mergesInto(region, Dates.MIN)) {
            for (String p : c.predecessors()) {
                if (!p.equals(region)) {
                    out.add(p);
                    out.addAll(predecessors(p));
                }
            }
        }
        return out;
    }

    /**
     * Series as queries see them: stored ones as loaded, region groups published or summed over their members, and a
     * region formed by a merge summed from its predecessors before the merge.
     */
    private final class Resolver {
        private final Map<SeriesKey, TreeMap<LocalDate, Cell>> raw;
        private final Map<String, Indicator> catalogueNow;
        private final LocalDate from;
        private final Map<SeriesKey, NavigableMap<LocalDate, Cell>> resolved = new HashMap<>();

        Resolver(Map<SeriesKey, TreeMap<LocalDate, Cell>> raw, Map<String, Indicator> catalogueNow, LocalDate from) {
            this.raw = raw;
            this.catalogueNow = catalogueNow;
            this.from = from;
        }

        NavigableMap<LocalDate, Cell> series(String indicator, String region) {
            SeriesKey key = new SeriesKey(indicator, region);
            NavigableMap<LocalDate, Cell> done = resolved.get(key);
            if (done == null) {
                done = regions.isGroup(region) ? group(catalogueNow.get(indicator), region) : region(catalogueNow.get(indicator), region);
                resolved.put(key, done);
            }
            return done;
        }

        /**
         * A region's series at its extent today. Before the latest merge that formed it (predecessors wholly into it),
         * an additive indicator is the sum of the predecessors (the region's own stored value among them when it
         * absorbed the others), and any indicator of a unit that only changed its code is its predecessor's; a value
         * published for a new code itself wins. Anything else cannot be carried across the change, so a window
         * reaching before it, with no value of the region's own there, is refused.
         */
        private NavigableMap<LocalDate, Cell> region(Indicator indicator, String region) {
            TreeMap<LocalDate, Cell> stored = raw.getOrDefault(new SeriesKey(indicator.code(), region), new TreeMap<>());
            List<RegionChange> merges = regions.mergesInto(region, Dates.MIN);
            if (merges.isEmpty()) {
                return stored;
            }
            RegionChange change = merges.get(merges.size() - 1);
            boolean recoded = change.predecessors().size() == 1;
            if (!change.pureMerge() || !(indicator.additive() || recoded)) {
                if (from != null && from.isBefore(change.date()) && stored.subMap(from, true, change.date(), false).isEmpty()) {
                    String why = !indicator.additive() ? indicator.code() + " is not additive (unit " + indicator.unit().label() + ")"
                            : "the change was not a pure merge";
                    throw ProblemException.badRequest(region + " (" + regions.name(region) + ") was formed on " + change.date()
                                    + " by " + change.id() + " (" + change.kind() + ": " + change.note() + "); " + why
                                    + ", so its values before then cannot be derived from " + regions.describe(change.predecessors())
                                    + "; ask for those regions before " + change.date() + ", or from " + change.date() + " on",
                            FieldError.field("from", "before " + change.date() + ", when " + region + " was formed"));
                }
                return stored;
            }
            List<String> predecessors = change.predecessors();
            boolean absorbed = predecessors.contains(region);
            TreeSet<LocalDate> periods = new TreeSet<>();
            for (String p : predecessors) {
                periods.addAll(input(indicator, region, p).headMap(change.date(), false).keySet());
            }
            TreeMap<LocalDate, Cell> out = new TreeMap<>(absorbed ? stored.tailMap(change.date(), true) : stored);
            for (LocalDate p : periods) {
                if (absorbed || !stored.containsKey(p)) {
                    out.put(p, mergedSum(indicator, region, change, p));
                }
            }
            return out;
        }

        /** A predecessor's series: the region's own stored values when it absorbed the others, else as resolved. */
        private NavigableMap<LocalDate, Cell> input(Indicator indicator, String region, String predecessor) {
            return predecessor.equals(region) ? raw.getOrDefault(new SeriesKey(indicator.code(), region), new TreeMap<>())
                    : series(indicator.code(), predecessor);
        }

        private Cell mergedSum(Indicator indicator, String region, RegionChange change, LocalDate p) {
            String label = indicator.frequency().label(p);
            List<Cell> inputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String m : change.predecessors()) {
                Cell c = input(indicator, region, m).get(p);
                if (c == null || !c.present()) {
                    missing.add(m + " (" + regions.name(m) + ")");
                } else {
                    inputs.add(c);
                }
            }
            if (!missing.isEmpty()) {
                return Cell.absent(p, region + " was formed on " + change.date() + " by " + change.id() + "; no value for "
                        + String.join(", ", missing) + " in " + label + ", so its total at today's extent is not computed");
            }
            BigDecimal total = inputs.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Derivation.Input> described = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Cell c = inputs.get(i);
                described.add(new Derivation.Input(indicator.code(), change.predecessors().get(i), label, c.value(), c.status()));
            }
            String formula = inputs.stream().map(c -> c.value().toPlainString()).collect(Collectors.joining(" + "));
            String method = inputs.size() == 1 ? "the value of " + change.predecessors().get(0) + ", which " + region
                    + " replaced in " + change.id() : "sum of the predecessors of " + region + " before " + change.id();
            return derived(p, total, new Derivation(method + " (" + change.date() + ", " + change.kind() + ")", formula, described), inputs);
        }

        private NavigableMap<LocalDate, Cell> group(Indicator indicator, String group) {
            SeriesKey key = new SeriesKey(indicator.code(), group);
            TreeMap<LocalDate, Cell> published = raw.getOrDefault(key, new TreeMap<>());
            if (!indicator.additive()) {
                if (!raw.containsKey(key) && !store.hasObservations(key)) {
                    throw ProblemException.badRequest(indicator.code() + " is not additive (unit " + indicator.unit().label()
                                    + "), so " + group + " cannot be summed from its members, and no value for " + group
                                    + " was published; ask for the members " + String.join(",", regions.members(group)),
                            FieldError.field("region", indicator.code() + " has no values for the group " + group));
                }
                return published;
            }
            List<String> members = regions.members(group);
            TreeSet<LocalDate> periods = new TreeSet<>(published.keySet());
            members.forEach(m -> periods.addAll(series(indicator.code(), m).keySet()));
            TreeMap<LocalDate, Cell> out = new TreeMap<>();
            for (LocalDate p : periods) {
                Cell own = published.get(p);
                out.put(p, own != null ? own : sum(indicator, group, members, p));
            }
            return out;
        }

        private Cell sum(Indicator indicator, String group, List<String> members, LocalDate p) {
            String label = indicator.frequency().label(p);
            List<Cell> inputs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String m : members) {
                Cell c = series(indicator.code(), m).get(p);
                if (c == null || !c.present()) {
                    missing.add(m + " (" + regions.name(m) + ")");
                } else {
                    inputs.add(c);
                }
            }
            if (!missing.isEmpty()) {
                return Cell.absent(p, "no value for " + String.join(", ", missing) + " in " + label
                        + ", so the " + group + " total is not computed");
            }
            BigDecimal total = inputs.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Derivation.Input> described = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Cell c = inputs.get(i);
                described.add(new Derivation.Input(indicator.code(), members.get(i), label, c.value(), c.status()));
            }
            String formula = inputs.stream().map(c -> c.value().toPlainString()).collect(Collectors.joining(" + "));
            return derived(p, total, new Derivation("sum of the members of " + group, formula, described), inputs);
        }
    }

    private List<Row> transform(Query q, Indicator indicator, String region, Resolver resolver, Indicator shareTarget, String gapTarget) {
        NavigableMap<LocalDate, Cell> series = resolver.series(indicator.code(), region);
        NavigableMap<LocalDate, Cell> window = window(series, q.from(), q.until());
        Frequency f = indicator.frequency();
        List<Row> out = new ArrayList<>();
        Transform t = q.transform();
        if (t instanceof Transform.YearOnYear) {
            window.values().forEach(c -> out.add(row(indicator, region,
                    growth(indicator, region, c, series.get(c.period().minusYears(1)), c.period().minusYears(1)), "percent", BigDecimal.ONE)));
        } else if (t instanceof Transform.Difference) {
            window.values().forEach(c -> out.add(row(indicator, region,
                    difference("difference from the previous period", indicator, region, c, series.get(f.previous(c.period())),
                            indicator.code(), region, f.previous(c.period())), indicator.unit().label(), indicator.unit().scale())));
        } else if (t instanceof Transform.IndexTo index) {
            Cell base = base(index, indicator, region, series);
            window.values().forEach(c -> out.add(row(indicator, region, indexed(index, indicator, region, c, base),
                    "index (" + index.base() + " = 100)", BigDecimal.ONE)));
        } else if (t instanceof Transform.ShareOf) {
            NavigableMap<LocalDate, Cell> denominator = resolver.series(shareTarget.code(), region);
            window.values().forEach(c -> out.add(row(indicator, region,
                    share(indicator, region, c, shareTarget, denominator.get(c.period())), "percent of " + shareTarget.code(), BigDecimal.ONE)));
        } else if (t instanceof Transform.GapTo) {
            NavigableMap<LocalDate, Cell> other = resolver.series(indicator.code(), gapTarget);
            String unit = indicator.unit().label().equalsIgnoreCase("percent") ? "percentage points" : indicator.unit().label();
            window.values().forEach(c -> out.add(row(indicator, region,
                    difference("gap to " + gapTarget + " (" + regions.name(gapTarget) + ")", indicator, region, c,
                            other.get(c.period()), indicator.code(), gapTarget, c.period()), unit, indicator.unit().scale())));
        } else if (t instanceof Transform.CompoundAnnualGrowth) {
            if (!window.isEmpty()) {
                out.add(cagr(indicator, region, window));
            }
        } else {
            window.values().forEach(c -> out.add(row(indicator, region, c, indicator.unit().label(), indicator.unit().scale())));
        }
        return out;
    }

    private static NavigableMap<LocalDate, Cell> window(NavigableMap<LocalDate, Cell> series, LocalDate from, LocalDate until) {
        if (from != null && until != null) {
            return series.subMap(from, true, until, false);
        }
        if (from != null) {
            return series.tailMap(from, true);
        }
        if (until != null) {
            return series.headMap(until, false);
        }
        return series;
    }

    private static Row row(Indicator indicator, String region, Cell cell, String unit, BigDecimal scale) {
        return new Row(indicator, region, indicator.frequency().label(cell.period()), unit, scale, cell);
    }

    private Cell growth(Indicator indicator, String region, Cell c, Cell previous, LocalDate previousPeriod) {
        Frequency f = indicator.frequency();
        String missing = missing(c, previous, f.label(previousPeriod));
        if (missing != null) {
            return Cell.absent(c.period(), missing);
        }
        if (previous.value().signum() == 0) {
            return Cell.absent(c.period(), "the value for " + f.label(previousPeriod) + " is 0, so a growth rate is undefined");
        }
        BigDecimal value = c.value().divide(previous.value(), PRECISION).subtract(BigDecimal.ONE).multiply(HUNDRED, PRECISION);
        return derived(c.period(), value, new Derivation("year-on-year growth rate in percent",
                "(" + c.value().toPlainString() + " / " + previous.value().toPlainString() + " - 1) × 100",
                List.of(input(indicator.code(), region, f, c), input(indicator.code(), region, f, previous))), List.of(c, previous));
    }

    private Cell difference(String method, Indicator indicator, String region, Cell c, Cell other, String otherIndicator,
                            String otherRegion, LocalDate otherPeriod) {
        Frequency f = indicator.frequency();
        String label = f.label(otherPeriod) + (otherRegion.equals(region) ? "" : " for " + otherRegion);
        String missing = missing(c, other, label);
        if (missing != null) {
            return Cell.absent(c.period(), missing);
        }
        BigDecimal value = c.value().subtract(other.value());
        return derived(c.period(), value, new Derivation(method, c.value().toPlainString() + " - " + other.value().toPlainString(),
                List.of(input(indicator.code(), region, f, c), input(otherIndicator, otherRegion, f, other))), List.of(c, other));
    }

    private Cell base(Transform.IndexTo index, Indicator indicator, String region, NavigableMap<LocalDate, Cell> series) {
        LocalDate[] bounds = baseOf(index, indicator);
        Frequency f = indicator.frequency();
        NavigableMap<LocalDate, Cell> in = series.subMap(bounds[0], true, bounds[1], false);
        int expected = Frequency.ofLabel(index.base()).orElseThrow() == f ? 1 : f.periodsPerYear();
        List<Cell> present = in.values().stream().filter(Cell::present).toList();
        if (present.size() < expected) {
            return Cell.absent(bounds[0], "no value for the base period " + index.base()
                    + (expected > 1 ? " (" + present.size() + " of " + expected + " periods)" : ""));
        }
        if (expected == 1) {
            return present.get(0);
        }
        BigDecimal mean = present.stream().map(Cell::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(expected), PRECISION);
        return derived(bounds[0], mean, new Derivation("mean of " + index.base(),
                present.stream().map(c -> c.value().toPlainString()).collect(Collectors.joining(" + ", "(", ") / " + expected)),
                present.stream().map(c -> input(indicator.code(), region, f, c)).toList()), present);
    }

    private Cell indexed(Transform.IndexTo index, Indicator indicator, String region, Cell c, Cell base) {
        if (!c.present()) {
            return Cell.absent(c.period(), c.reason());
        }
        if (!base.present()) {
            return Cell.absent(c.period(), base.reason());
        }
        if (base.value().signum() == 0) {
            return Cell.absent(c.period(), "the base value for " + index.base() + " is 0");
        }
        Frequency f = indicator.frequency();
        BigDecimal value = c.value().divide(base.value(), PRECISION).multiply(HUNDRED, PRECISION);
        List<Derivation.Input> inputs = new ArrayList<>();
        inputs.add(input(indicator.code(), region, f, c));
        inputs.add(new Derivation.Input(indicator.code(), region, index.base(), base.value(), base.status()));
        return derived(c.period(), value, new Derivation("index, " + index.base() + " = 100",
                c.value().toPlainString() + " / " + base.value().toPlainString() + " × 100", inputs), List.of(c, base));
    }

    private Cell share(Indicator indicator, String region, Cell c, Indicator target, Cell denominator) {
        Frequency f = indicator.frequency();
        String missing = missing(c, denominator, target.code() + " in " + f.label(c.period()));
        if (missing != null) {
            return Cell.absent(c.period(), missing);
        }
        if (denominator.value().signum() == 0) {
            return Cell.absent(c.period(), target.code() + " is 0 in " + f.label(c.period()) + ", so the share is undefined");
        }
        BigDecimal value = c.value().divide(denominator.value(), PRECISION).multiply(HUNDRED, PRECISION);
        return derived(c.period(), value, new Derivation("share of " + target.code() + " in percent",
                c.value().toPlainString() + " / " + denominator.value().toPlainString() + " × 100",
                List.of(input(indicator.code(), region, f, c), input(target.code(), region, f, denominator))), List.of(c, denominator));
    }

    private Row cagr(Indicator indicator, String region, NavigableMap<LocalDate, Cell> window) {
        Frequency f = indicator.frequency();
        List<Cell> present = window.values().stream().filter(Cell::present).toList();
        String label = f.label(window.firstKey()) + "/" + f.label(window.lastKey());
        String unit = "percent per year";
        if (present.size() < 2) {
            return new Row(indicator, region, label, unit, BigDecimal.ONE,
                    Cell.absent(window.firstKey(), "a growth rate needs values for two periods; the range has " + present.size()));
        }
        Cell first = present.get(0);
        Cell last = present.get(present.size() - 1);
        label = f.label(first.period()) + "/" + f.label(last.period());
        double years = ChronoUnit.MONTHS.between(first.period(), last.period()) / 12.0;
        if (first.value().signum() <= 0 || last.value().signum() < 0) {
            return new Row(indicator, region, label, unit, BigDecimal.ONE, Cell.absent(first.period(),
                    "a compound growth rate needs positive values; " + f.label(first.period()) + " is " + first.value().toPlainString()));
        }
        double rate = (Math.pow(last.value().doubleValue() / first.value().doubleValue(), 1 / years) - 1) * 100;
        BigDecimal value = new BigDecimal(rate).round(new MathContext(12));
        Cell cell = derived(first.period(), value, new Derivation("compound annual growth rate in percent",
                "((" + last.value().toPlainString() + " / " + first.value().toPlainString() + ")^(1/" + trim(years) + ") - 1) × 100",
                List.of(input(indicator.code(), region, f, first), input(indicator.code(), region, f, last))), List.of(first, last));
        return new Row(indicator, region, label, unit, BigDecimal.ONE, cell);
    }

    private static String trim(double years) {
        return BigDecimal.valueOf(years).stripTrailingZeros().toPlainString();
    }

    /** Why an input is missing, or null when both are there. */
    private static String missing(Cell c, Cell other, String otherLabel) {
        if (!c.present()) {
            return c.reason();
        }
        if (other == null) {
            return "no value for " + otherLabel;
        }
        if (!other.present()) {
            return "no value for " + otherLabel + ": " + other.reason();
        }
        return null;
    }

    private static Derivation.Input input(String indicator, String region, Frequency f, Cell c) {
        return new Derivation.Input(indicator, region, f.label(c.period()), c.value(), c.status());
    }

    /** A computed cell: status derived, the common source of its inputs, their latest publication and receipt. */
    private static Cell derived(LocalDate period, BigDecimal value, Derivation derivation, List<Cell> inputs) {
        Set<String> sources = inputs.stream().map(Cell::source).filter(Objects::nonNull).collect(Collectors.toSet());
        LocalDate published = inputs.stream().map(Cell::published).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        OffsetDateTime received = inputs.stream().map(Cell::received).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new Cell(period, value, ObservationStatus.DERIVED.value(), sources.size() == 1 ? sources.iterator().next() : null,
                published, received, null, derivation, null);
    }

}
