package io.jjj.projects.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes projects and their versions with plain SQL. */
@ApplicationScoped
public class ProjectRepository {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The project columns, in the order {@link #bind} sets them. */
    private static final String COLUMNS = "ref, name_en, name_zh, kind, sector, chain, origin, destination, organisations, "
            + "investment_amount, investment_currency, investment_basis, investment_cny_100m, jobs, area_km2, lon, lat, "
            + "metrics, signed, signed_year, construction_start, operational, status, status_since, suspended_from, "
            + "sources, search_text";

    static final String SELECT = "id, " + COLUMNS.replace("search_text", "version");

    /** One entry of a project's history. */
    public record Change(long seq, long version, String change, String channel, LocalDate effective,
                         OffsetDateTime recordedAt, String note, Map<String, Object> changes) {
    }

    private final AgroalDataSource dataSource;
    private final FlowTotals flowTotals;

    public ProjectRepository(AgroalDataSource dataSource, FlowTotals flowTotals) {
        this.dataSource = dataSource;
        this.flowTotals = flowTotals;
    }

    public String nextId() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT nextval('project_number')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return String.format("P-%06d", rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insert(Project p) {
        String sql = "INSERT INTO project (id, " + COLUMNS + ", version) VALUES (?, " + "?, ".repeat(27) + "?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, p.id());
            int i = bind(c, s, 2, p);
            s.setLong(i, p.version());
            s.executeUpdate();
            flowTotals.markChanged();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("ref '" + p.ref() + "' is already registered; PUT or PATCH that project, or feed it to update");
            }
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code p} over the row that has {@code expectedVersion}; false when the row moved on meanwhile. */
    public boolean update(Project p, long expectedVersion) {
        String assignments = String.join(" = ?, ", COLUMNS.split(", ")) + " = ?";
        String sql = "UPDATE project SET " + assignments + ", version = ?, updated_at = now() WHERE id = ? AND version = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = bind(c, s, 1, p);
            s.setLong(i++, p.version());
            s.setString(i++, p.id());
            s.setLong(i, expectedVersion);
            boolean updated = s.executeUpdate() == 1;
            if (updated) {
                flowTotals.markChanged();
            }
            return updated;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("ref '" + p.ref() + "' belongs to another project");
            }
            throw new IllegalStateException(e);
        }
    }

    private static int bind(Connection c, PreparedStatement s, int i, Project p) throws SQLException {
        s.setString(i++, p.ref());
        s.setString(i++, p.nameEn());
        s.setString(i++, p.nameZh());
        s.setString(i++, p.kind());
        s.setString(i++, p.sector());
        s.setString(i++, p.chain());
        s.setString(i++, p.origin());
        s.setString(i++, p.destination());
        s.setArray(i++, c.createArrayOf("text", p.organisations().toArray()));
        Project.ProjectInvestment inv = p.investment();
        s.setBigDecimal(i++, inv == null ? null : inv.amount());
        s.setString(i++, inv == null ? null : inv.currency());
        s.setString(i++, inv == null ? null : inv.basis());
        s.setBigDecimal(i++, p.investmentCny100m());
        s.setObject(i++, p.jobs(), Types.BIGINT);
        s.setBigDecimal(i++, p.areaKm2());
        s.setDouble(i++, p.location().lon());
        s.setDouble(i++, p.location().lat());
        s.setObject(i++, json(p.metrics()), Types.OTHER);
        s.setObject(i++, p.signed());
        s.setObject(i++, p.signedYear(), Types.INTEGER);
        s.setObject(i++, p.constructionStart());
        s.setObject(i++, p.operational());
        s.setString(i++, p.status());
        s.setObject(i++, p.statusSince());
        s.setString(i++, p.suspendedFrom());
        s.setArray(i++, c.createArrayOf("text", p.sources().toArray()));
        s.setString(i++, SearchText.of(p));
        return i;
    }

    public Optional<Project> find(String id) {
        return one("SELECT " + SELECT + " FROM project WHERE id = ?", id);
    }

    public Optional<Project> findByRef(String ref) {
        return one("SELECT " + SELECT + " FROM project WHERE ref = ?", ref);
    }

    public Optional<Project> findByRefForUpdate(String ref) {
        return one("SELECT " + SELECT + " FROM project WHERE ref = ? FOR UPDATE", ref);
    }

    /** The project as it stood on {@code date}: the latest version that had taken effect by then. */
    public Optional<Project> asOf(String id, LocalDate date) {
        return one("SELECT " + SELECT + " FROM (SELECT (jsonb_populate_record(NULL::project, state)).* FROM project_version "
                + "WHERE project_id = ? AND effective <= ? ORDER BY effective DESC, seq DESC LIMIT 1) p", id, Date.valueOf(date));
    }

    /** Rows shaped like {@code project}, as they stood on the date bound to its one parameter. */
    static final String AS_OF_SOURCE = "SELECT (jsonb_populate_record(NULL::project, v.state)).* FROM ("
            + "SELECT DISTINCT ON (project_id) state FROM project_version WHERE effective <= ? "
            + "ORDER BY project_id, effective DESC, seq DESC) v";

    private Optional<Project> one(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Project read(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("investment_amount");
        String currency = rs.getString("investment_currency");
        String basis = rs.getString("investment_basis");
        Project.ProjectInvestment investment = amount == null && currency == null ? null
                : new Project.ProjectInvestment(amount, currency, basis);
        return new Project(rs.getString("id"), rs.getString("ref"), rs.getString("name_en"), rs.getString("name_zh"),
                rs.getString("kind"), rs.getString("sector"), rs.getString("chain"), rs.getString("origin"),
                rs.getString("destination"), strings(rs.getArray("organisations")), investment,
                rs.getBigDecimal("investment_cny_100m"), (Long) rs.getObject("jobs", Long.class), rs.getBigDecimal("area_km2"),
                new Project.ProjectLocation(rs.getDouble("lon"), rs.getDouble("lat")), metrics(rs.getString("metrics")),
                rs.getObject("signed", LocalDate.class), rs.getObject("signed_year", Integer.class),
                rs.getObject("construction_start", LocalDate.class), rs.getObject("operational", LocalDate.class),
                rs.getString("status"), rs.getObject("status_since", LocalDate.class), rs.getString("suspended_from"),
                strings(rs.getArray("sources")), rs.getLong("version"));
    }

    /** Records a version: the change, and the project row as it now stands. */
    public void addVersion(String id, String change, String channel, LocalDate effective, String note, Map<String, Object> changes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO project_version (project_id, version, change, channel, effective, note, changes, state)
                SELECT id, version, ?, ?, ?, ?, ?::jsonb, to_jsonb(p) - 'search' FROM project p WHERE id = ?""")) {
            s.setString(1, change);
            s.setString(2, channel);
            s.setObject(3, effective);
            s.setString(4, note);
            s.setString(5, json(changes));
            s.setString(6, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A status change that took effect before versions already recorded (attribute changes of later dates) holds
     * for them too: their snapshots take the new status.
     */
    public void carryStatusForward(String id, LocalDate effective, String status, LocalDate since, String suspendedFrom) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE project_version SET state = state || jsonb_build_object('status', ?::text, 'status_since', ?::text,
                       'suspended_from', ?::text)
                 WHERE project_id = ? AND effective > ? AND change <> 'status-changed'""")) {
            s.setString(1, status);
            s.setString(2, since.toString());
            s.setString(3, suspendedFrom);
            s.setString(4, id);
            s.setObject(5, effective);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Change> history(String id) {
        List<Change> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT seq, version, change, channel, effective, recorded_at, note, changes FROM project_version
                 WHERE project_id = ? ORDER BY seq""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp recorded = rs.getTimestamp("recorded_at");
                    out.add(new Change(rs.getLong("seq"), rs.getLong("version"), rs.getString("change"),
                            rs.getString("channel"), rs.getObject("effective", LocalDate.class),
                            recorded.toInstant().atOffset(ZoneOffset.UTC), rs.getString("note"),
                            metrics(rs.getString("changes"))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Map<String, Object> metrics(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
