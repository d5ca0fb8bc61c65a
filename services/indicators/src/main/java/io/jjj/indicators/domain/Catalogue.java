package io.jjj.indicators.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The indicator catalogue and the sources it cites, in PostgreSQL. */
@ApplicationScoped
public class Catalogue {

    private static final String COLUMNS =
            "code, name_en, name_zh, unit, frequency, description, source, additive, derived, version, updated_at";

    private final AgroalDataSource dataSource;

    public Catalogue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Indicator> indicators() {
        Map<String, Indicator> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM indicator ORDER BY code");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Indicator i = read(rs);
                out.put(i.code(), i);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the catalogue", e);
        }
        return out;
    }

    public Optional<Indicator> indicator(String code) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM indicator WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read indicator " + code, e);
        }
    }

    /** Inserts or replaces a definition, raising its version; returns the stored entry. */
    public Indicator save(Indicator i) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO indicator (code, name_en, name_zh, unit, frequency, description, source, additive)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh,
                    unit = excluded.unit, frequency = excluded.frequency, description = excluded.description,
                    source = excluded.source, additive = excluded.additive,
                    version = indicator.version + 1, updated_at = now()
                RETURNING\s""" + COLUMNS)) {
            s.setString(1, i.code());
            s.setString(2, i.nameEn());
            s.setString(3, i.nameZh());
            s.setString(4, i.unit().label());
            s.setString(5, i.frequency().value());
            s.setString(6, i.description());
            s.setString(7, i.source());
            s.setBoolean(8, i.additive());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save indicator " + i.code(), e);
        }
    }

    /** Whether any observation or derived value exists for the indicator. */
    public boolean hasData(String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT EXISTS (SELECT 1 FROM series s WHERE s.indicator = ?
                    AND (EXISTS (SELECT 1 FROM observation o WHERE o.series_id = s.id)
                      OR EXISTS (SELECT 1 FROM derived_value d WHERE d.series_id = s.id)))""")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, citation FROM source ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read sources", e);
        }
        return out;
    }

    /** Inserts or replaces a source; true when it did not exist before. */
    public boolean saveSource(String id, String citation) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO source (id, citation) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET citation = excluded.citation
                RETURNING (xmax = 0)""")) {
            s.setString(1, id);
            s.setString(2, citation);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save source " + id, e);
        }
    }

    private static Indicator read(ResultSet rs) throws SQLException {
        Unit unit = Unit.parse(rs.getString("unit")).withAdditive(rs.getBoolean("additive"));
        return new Indicator(rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh"), unit,
                Frequency.parse(rs.getString("frequency")).orElseThrow(), rs.getString("description"),
                rs.getString("source"), rs.getBoolean("derived"), rs.getInt("version"),
                rs.getObject("updated_at", java.time.OffsetDateTime.class));
    }
}
