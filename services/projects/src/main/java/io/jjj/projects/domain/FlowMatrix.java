package io.jjj.projects.domain;

import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The origin × destination matrix a flow map needs. Codes are lifted to the asked level: {@code province} (a
 * county to its province), {@code prefecture} (a county to its prefecture; a district of Beijing or Tianjin, which
 * have no prefectures, to the municipality). Group codes (a project bound for all of {@code JJJ}) stay as they are.
 */
@ApplicationScoped
public class FlowMatrix {

    public static final List<String> MEASURES = List.of("count", "investment", "jobs");
    public static final List<String> LEVELS = List.of("province", "prefecture");

    /** One cell with a value. */
    public record Cell(String origin, String destination, BigDecimal value) {
    }

    /** The matrix: rows follow {@code rows}, columns follow {@code columns}; {@code cells} lists the non-zero ones. */
    public record Matrix(List<String> rows, List<String> columns, BigDecimal[][] values, List<Cell> cells, BigDecimal total) {
    }

    private final FlowTotals totals;
    private final Regions regions;

    public FlowMatrix(FlowTotals totals, Regions regions) {
        this.totals = totals;
        this.regions = regions;
    }

    public Matrix build(boolean originRows, String measure, String level, Integer fromYear, Integer toYear) {
        Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
        for (ProjectJdbcQueries.Flow f : totals.flows(fromYear, toYear)) {
            String o = lift(f.origin(), level);
            String d = lift(f.destination(), level);
            BigDecimal v = switch (measure) {
                case "investment" -> f.investmentCny100m();
                case "jobs" -> BigDecimal.valueOf(f.jobs());
                default -> BigDecimal.valueOf(f.projects());
            };
            String row = originRows ? o : d;
            String column = originRows ? d : o;
            sums.computeIfAbsent(row, k -> new TreeMap<>()).merge(column, v, BigDecimal::add);
        }
        List<String> rows = new ArrayList<>(sums.keySet());
        TreeSet<String> columnSet = new TreeSet<>();
        sums.values().forEach(m -> columnSet.addAll(m.keySet()));
        List<String> columns = new ArrayList<>(columnSet);
        BigDecimal[][] values = new BigDecimal[rows.size()][columns.size()];
        List<Cell> cells = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                BigDecimal v = sums.get(rows.get(r)).getOrDefault(columns.get(c), BigDecimal.ZERO);
                values[r][c] = v;
                if (v.signum() != 0) {
                    cells.add(originRows ? new Cell(rows.get(r), columns.get(c), v) : new Cell(columns.get(c), rows.get(r), v));
                    total = total.add(v);
                }
            }
        }
        return new Matrix(rows, columns, values, cells, total);
    }

    String lift(String code, String level) {
        if (regions.isGroup(code)) {
            return code;
        }
        if (level.equals("prefecture")) {
            return regions.prefecture(code).or(() -> regions.province(code)).orElse(code);
        }
        return regions.province(code).orElse(code);
    }
}
