package io.jjj.projects.domain;

import io.jjj.platform.jdbc.Jdbc;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analytical reads, straight in JDBC: listings (now or {@code asOf} a date), statistics, flow totals, and one
 * project as it stood on a date. Writes go through the entities ({@link ProjectRepository}).
 */
@ApplicationScoped
public class ProjectJdbcQueries {

    /** Stats dimensions and the SQL expression of each. */
    public static final Map<String, String> GROUPS = Map.of(
            "destination", "destination", "origin", "origin", "kind", "kind", "sector", "sector", "chain", "chain",
            "status", "status", "year", "signed_year::text");

    /** One stats group: the key, the number of projects and their sums (investment over those that state one). */
    public record Group(String key, long projects, BigDecimal investmentCny100m, long jobs) {
    }

    /** Flow totals between two recorded codes. */
    public record Flow(String origin, String destination, long projects, BigDecimal investmentCny100m, long jobs) {
    }

    /** The project columns as {@link #read} takes them. */
    private static final String SELECT = "id, ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, "
            + "investment_amount, investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, "
            + "metrics, signed, signed_year, construction_start, operational, status, status_since, suspended_from, "
            + "sources, version";

    /** Rows shaped like {@code project}, as they stood on the date bound to its one parameter. */
    private static final String AS_OF_SOURCE = "SELECT (jsonb_populate_record(NULL::project, v.state)).* FROM ("
            + "SELECT DISTINCT ON (project_id) state FROM project_version WHERE effective <= ? "
            + "ORDER BY project_id, effective DESC, seq DESC) v";

    /** One row of {@code project_flow}: the totals of one origin, destination and signed year (0: none). */
    public record FlowRow(String origin, String destination, int signedYear, long projects, BigDecimal investmentCny100m,
                          long jobs) {
    }

    private final Jdbc jdbc;

    public ProjectJdbcQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page and the total, as two statements: a window count over the page query would make PostgreSQL read every
     * match in sort order, while apart the page stops after its rows and the count uses the filter's best index.
     */
    public Page<Project> list(ProjectFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + SELECT + " FROM " + source(filter, params) + where(filter, params)
                + " ORDER BY " + String.join(", ", filter.sort()) + " LIMIT ? OFFSET ?";
        params.add(page.size());
        params.add(page.offset());
        List<Project> items = jdbc.list(sql, ProjectJdbcQueries::read, params.toArray());
        boolean lastPageSeenWhole = !items.isEmpty() && items.size() < page.size();
        long total = lastPageSeenWhole ? page.offset() + items.size()
                : page.offset() == 0 && items.isEmpty() ? 0 : count(filter);
        return Page.of(items, page, total);
    }

    private long count(ProjectFilter filter) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM " + source(filter, params) + where(filter, params);
        return jdbc.one(sql, rs -> rs.getLong(1), params.toArray()).orElseThrow();
    }

    public List<Group> stats(String groupBy, ProjectFilter filter) {
        List<Object> params = new ArrayList<>();
        String key = GROUPS.get(groupBy);
        String sql = "SELECT " + key + " AS key, count(*), coalesce(sum(investment_cny_100m), 0), coalesce(sum(jobs), 0) FROM "
                + source(filter, params) + where(filter, params) + " GROUP BY 1 ORDER BY 1 NULLS LAST";
        return jdbc.list(sql, rs -> new Group(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)),
                params.toArray());
    }

    /** Totals per recorded origin and destination over projects signed in [fromYear, toYear] (null: open). */
    public List<Flow> flows(Integer fromYear, Integer toYear) {
        boolean everyYear = fromYear == null && toYear == null;
        String sql = "SELECT origin, destination, sum(projects), sum(investment_cny_100m), sum(jobs) FROM project_flow"
                + (everyYear ? "" : " WHERE signed_year BETWEEN ? AND ?") + " GROUP BY origin, destination";
        Object[] years = everyYear ? new Object[0] : new Object[] {fromYear == null ? 1 : fromYear, toYear == null ? 9999 : toYear};
        return jdbc.list(sql, rs -> new Flow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5)),
                years);
    }

    /** The project as it stood on {@code date}: the latest version that had taken effect by then. */
    public Optional<Project> asOf(String id, LocalDate date) {
        return jdbc.one("SELECT " + SELECT + " FROM (SELECT (jsonb_populate_record(NULL::project, state)).* FROM project_version "
                + "WHERE project_id = ? AND effective <= ? ORDER BY effective DESC, seq DESC LIMIT 1) p",
                ProjectJdbcQueries::read, id, Date.valueOf(date));
    }

    /** Every row of {@code project_flow}, as {@link FlowTotals} holds them. */
    public List<FlowRow> flowRows() {
        return jdbc.list("SELECT origin, destination, signed_year, projects, investment_cny_100m, jobs FROM project_flow",
                rs -> new FlowRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getBigDecimal(5),
                        rs.getLong(6)));
    }

    private static Project read(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("investment_amount");
        String currency = rs.getString("investment_currency");
        String basis = rs.getString("investment_basis");
        Project.ProjectInvestment investment = amount == null && currency == null ? null
                : new Project.ProjectInvestment(amount, currency, basis);
        return new Project(rs.getString("id"), rs.getString("ref"), rs.getString("name_en"), rs.getString("name_zh"),
                rs.getString("kind"), rs.getString("sector"), rs.getString("chain"), rs.getString("origin"),
                rs.getString("destination"), strings(rs.getArray("organisations")), investment,
                rs.getBigDecimal("investment_cny_100m"), rs.getObject("jobs", Long.class), rs.getBigDecimal("area_km2"),
                new Project.ProjectLocation(rs.getDouble("lon"), rs.getDouble("lat")), ProjectJson.readMap(rs.getString("metrics")),
                rs.getObject("signed", LocalDate.class), rs.getObject("signed_year", Integer.class),
                rs.getObject("construction_start", LocalDate.class), rs.getObject("operational", LocalDate.class),
                rs.getString("status"), rs.getObject("status_since", LocalDate.class), rs.getString("suspended_from"),
                strings(rs.getArray("sources")), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String source(ProjectFilter f, List<Object> params) {
        if (f.asOf() == null) {
            return "project p";
        }
        params.add(Date.valueOf(f.asOf()));
        return "(" + AS_OF_SOURCE + ") p";
    }

    private static String where(ProjectFilter f, List<Object> params) {
        List<String> terms = new ArrayList<>();
        in(terms, params, "origin", f.origins());
        in(terms, params, "destination", f.destinations());
        in(terms, params, "kind", f.kinds());
        in(terms, params, "sector", f.sectors());
        in(terms, params, "chain", f.chains());
        in(terms, params, "status", f.statuses());
        if (f.signedFrom() != null) {
            terms.add("signed >= ?");
            params.add(Date.valueOf(f.signedFrom()));
        }
        if (f.signedTo() != null) {
            terms.add("signed <= ?");
            params.add(Date.valueOf(f.signedTo()));
        }
        if (f.search() != null) {
            terms.add((f.asOf() == null ? "search" : "to_tsvector('simple', search_text)") + " @@ to_tsquery('simple', ?)");
            params.add(f.search());
        }
        if (f.bbox() != null) {
            terms.add("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?");
            params.add(f.bbox()[0]);
            params.add(f.bbox()[2]);
            params.add(f.bbox()[1]);
            params.add(f.bbox()[3]);
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static void in(List<String> terms, List<Object> params, String column, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            terms.add(column + " = ANY (?)");
            params.add(Jdbc.array("text", values));
        }
    }
}
