package io.jjj.projects.domain;

import io.agroal.api.AgroalDataSource;
import io.jjj.platform.paging.Page;
import io.jjj.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Listings, statistics and flow totals, straight in SQL. */
@ApplicationScoped
public class ProjectQueries {

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

    private final AgroalDataSource dataSource;

    public ProjectQueries(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page and the total, as two statements: a window count over the page query would make PostgreSQL read every
     * match in sort order, while apart the page stops after its rows and the count uses the filter's best index.
     */
    public Page<Project> list(ProjectFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + ProjectRepository.SELECT + " FROM " + source(filter, params) + where(filter, params)
                + " ORDER BY " + String.join(", ", filter.sort()) + " LIMIT ? OFFSET ?";
        params.add(page.size());
        params.add(page.offset());
        List<Project> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, params);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(ProjectRepository.read(rs));
                    }
                }
            }
            boolean lastPageSeenWhole = !items.isEmpty() && items.size() < page.size();
            long total = lastPageSeenWhole ? page.offset() + items.size()
                    : page.offset() == 0 && items.isEmpty() ? 0 : count(c, filter);
            return Page.of(items, page, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(Connection c, ProjectFilter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT count(*) FROM " + source(filter, params) + where(filter, params);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public List<Group> stats(String groupBy, ProjectFilter filter) {
        List<Object> params = new ArrayList<>();
        String key = GROUPS.get(groupBy);
        String sql = "SELECT " + key + " AS key, count(*), coalesce(sum(investment_cny_100m), 0), coalesce(sum(jobs), 0) FROM "
                + source(filter, params) + where(filter, params) + " GROUP BY 1 ORDER BY 1 NULLS LAST";
        List<Group> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Group(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Totals per recorded origin and destination over projects signed in [fromYear, toYear] (null: open). */
    public List<Flow> flows(Integer fromYear, Integer toYear) {
        String sql = "SELECT origin, destination, sum(projects), sum(investment_cny_100m), sum(jobs) FROM project_flow"
                + (fromYear == null && toYear == null ? "" : " WHERE signed_year BETWEEN ? AND ?")
                + " GROUP BY origin, destination";
        List<Flow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (fromYear != null || toYear != null) {
                s.setInt(1, fromYear == null ? 1 : fromYear);
                s.setInt(2, toYear == null ? 9999 : toYear);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Flow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String source(ProjectFilter f, List<Object> params) {
        if (f.asOf() == null) {
            return "project p";
        }
        params.add(Date.valueOf(f.asOf()));
        return "(" + ProjectRepository.AS_OF_SOURCE + ") p";
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
            params.add(values.toArray(String[]::new));
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", array));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }
}
