package io.jjj.indicators.domain;

import io.jjj.platform.regions.Regions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indicators derived from other services' state, as {@code docs/events.md} defines them: inbound projects
 * (count and investment per destination region and signed year, not cancelled, counted for the destination and
 * every region above it) and high-speed rail (length and stations per region at 31 December of each year).
 */
public final class Derived {

    public static final String STATUS = "derived";
    public static final String SOURCE = "JJJ-DERIVED";
    public static final String INBOUND_COUNT = "projects.inbound.count";
    public static final String INBOUND_INVESTMENT = "projects.inbound.investment";
    public static final String HSR_LENGTH = "hsr.length";
    public static final String HSR_STATIONS = "hsr.stations";

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** A project as its latest event describes it. */
    public record Project(String id, String destination, String status, Integer signedYear, BigDecimal investmentCny100m) {
    }

    /** A transport link as its latest event describes it. */
    public record Link(String id, String mode, String from, String to, String fromRegion, String toRegion,
                       BigDecimal distanceKm, LocalDate opened, LocalDate closed) {

        boolean openHsrOn(LocalDate day) {
            return "hsr".equals(mode) && opened != null && !opened.isAfter(day) && (closed == null || closed.isAfter(day));
        }
    }

    private Derived() {
    }

    /** Values by indicator, then series, then period (the first day of the year). */
    public static Map<String, Map<SeriesKey, Map<LocalDate, BigDecimal>>> projects(List<Project> projects, Regions regions) {
        Map<SeriesKey, Map<LocalDate, BigDecimal>> count = new HashMap<>();
        Map<SeriesKey, Map<LocalDate, BigDecimal>> investment = new HashMap<>();
        for (Project p : projects) {
            if (p.signedYear() == null || p.destination() == null || "cancelled".equals(p.status())) {
                continue;
            }
            LocalDate year = LocalDate.of(p.signedYear(), 1, 1);
            for (String region : selfAndAbove(p.destination(), regions)) {
                add(count, new SeriesKey(INBOUND_COUNT, region), year, BigDecimal.ONE);
                if (p.investmentCny100m() != null) {
                    add(investment, new SeriesKey(INBOUND_INVESTMENT, region), year, p.investmentCny100m());
                }
            }
        }
        return Map.of(INBOUND_COUNT, count, INBOUND_INVESTMENT, investment);
    }

    /** Length and stations for every year from the first opening up to {@code lastYear}. */
    public static Map<String, Map<SeriesKey, Map<LocalDate, BigDecimal>>> hsr(List<Link> links, Regions regions, int lastYear) {
        Map<SeriesKey, Map<LocalDate, BigDecimal>> length = new HashMap<>();
        Map<SeriesKey, Map<LocalDate, BigDecimal>> stations = new HashMap<>();
        int firstYear = links.stream().filter(l -> "hsr".equals(l.mode()) && l.opened() != null)
                .mapToInt(l -> l.opened().getYear()).min().orElse(lastYear + 1);
        for (int y = firstYear; y <= lastYear; y++) {
            LocalDate yearEnd = LocalDate.of(y, 12, 31);
            LocalDate period = LocalDate.of(y, 1, 1);
            Map<String, String> stationRegions = new HashMap<>();
            for (Link l : links) {
                if (!l.openHsrOn(yearEnd)) {
                    continue;
                }
                if (l.distanceKm() != null && l.fromRegion() != null && l.toRegion() != null) {
                    if (l.fromRegion().equals(l.toRegion())) {
                        addAll(length, HSR_LENGTH, l.fromRegion(), period, l.distanceKm(), regions);
                    } else {
                        BigDecimal half = l.distanceKm().divide(TWO);
                        addAll(length, HSR_LENGTH, l.fromRegion(), period, half, regions);
                        addAll(length, HSR_LENGTH, l.toRegion(), period, half, regions);
                    }
                }
                if (l.from() != null && l.fromRegion() != null) {
                    stationRegions.put(l.from(), l.fromRegion());
                }
                if (l.to() != null && l.toRegion() != null) {
                    stationRegions.put(l.to(), l.toRegion());
                }
            }
            stationRegions.values().forEach(region -> addAll(stations, HSR_STATIONS, region, period, BigDecimal.ONE, regions));
        }
        return Map.of(HSR_LENGTH, length, HSR_STATIONS, stations);
    }

    private static void addAll(Map<SeriesKey, Map<LocalDate, BigDecimal>> into, String indicator, String region,
                               LocalDate period, BigDecimal amount, Regions regions) {
        for (String r : selfAndAbove(region, regions)) {
            add(into, new SeriesKey(indicator, r), period, amount);
        }
    }

    private static void add(Map<SeriesKey, Map<LocalDate, BigDecimal>> into, SeriesKey key, LocalDate period, BigDecimal amount) {
        into.computeIfAbsent(key, k -> new TreeMap<>()).merge(period, amount, BigDecimal::add);
    }

    /**
     * The region and every region above it in the reference list. A code missing from the list is placed by the
     * structure of GB/T 2260 codes (county {@code XXYYZZ} in prefecture {@code XXYY00} in province {@code XX0000}),
     * counting only the regions the list knows.
     */
    static List<String> selfAndAbove(String code, Regions regions) {
        List<String> chain = new ArrayList<>();
        String start = code;
        if (!regions.isRegion(code) && code.matches("\\d{6}")) {
            String prefecture = code.substring(0, 4) + "00";
            String province = code.substring(0, 2) + "0000";
            start = regions.isRegion(prefecture) ? prefecture : regions.isRegion(province) ? province : null;
        } else if (!regions.isRegion(code)) {
            start = null;
        }
        if (start != null) {
            chain.addAll(regions.selfAndAncestors(start));
        }
        return chain;
    }
}
