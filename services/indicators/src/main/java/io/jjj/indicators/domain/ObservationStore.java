package io.jjj.indicators.domain;

import io.jjj.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Series, observation vintages and derived values in plain JDBC, the bulk and hot paths. Writes go in bulk (arrays unnested server-side, a handful of
 * round trips per chunk); reads pick, per observation, the vintage with the latest {@code published} date (on or
 * before {@code asOf} when given).
 */
@ApplicationScoped
public class ObservationStore {

    /** What writing one input did. {@code previous} is the value it replaced, for revisions. */
    public record Outcome(ObservationInput input, Kind kind, BigDecimal previous) {
        public enum Kind { INSERTED, REVISED, UNCHANGED }
    }

    private final Jdbc jdbc;

    public ObservationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What one feed has written so far: the ids of its series, and for the series it created, the periods it wrote.
     * An observation of a series created by this feed that the feed has not written yet cannot exist, so it needs no
     * lookup.
     */
    public static final class WriteSession {
        private final Map<SeriesKey, Integer> ids = new HashMap<>();
        private final Map<Integer, BitSet> createdSeriesPeriods = new HashMap<>();

        /** Whether the observation is certainly not stored yet. */
        boolean certainlyNew(int seriesId, LocalDate period) {
            BitSet written = createdSeriesPeriods.get(seriesId);
            int index = index(period);
            return written != null && index >= 0 && !written.get(index);
        }

        void written(int seriesId, LocalDate period) {
            BitSet written = createdSeriesPeriods.get(seriesId);
            int index = index(period);
            if (written != null) {
                if (index >= 0) {
                    written.set(index);
                } else {
                    createdSeriesPeriods.remove(seriesId);
                }
            }
        }

        /** Months since 1900, for periods in 1900..2199; -1 otherwise (such periods are always looked up). */
        private static int index(LocalDate period) {
            int year = period.getYear();
            return year < 1900 || year >= 2200 ? -1 : (year - 1900) * 12 + period.getMonthValue() - 1;
        }
    }

    /**
     * Writes inputs whose (series, period) keys are distinct, inside the caller's transaction. A value equal to
     * the latest vintage is left alone; anything else becomes a new vintage. New observations are copied in bulk
     * ({@code COPY}); new vintages of known ones are inserted.
     */
    public List<Outcome> write(List<ObservationInput> inputs, WriteSession session) {
        ensureSeries(inputs, session);
        List<ObservationInput> unknown = new ArrayList<>();
        for (ObservationInput in : inputs) {
            if (!session.certainlyNew(session.ids.get(in.series()), in.period())) {
                unknown.add(in);
            }
        }
        Map<String, Vintage> latest = unknown.isEmpty() ? Map.of() : latest(unknown, session.ids);
        List<Outcome> outcomes = new ArrayList<>(inputs.size());
        List<ObservationInput> added = new ArrayList<>();
        List<ObservationInput> revised = new ArrayList<>();
        for (ObservationInput in : inputs) {
            int id = session.ids.get(in.series());
            Vintage before = latest.get(id + "|" + in.period());
            if (before == null) {
                outcomes.add(new Outcome(in, Outcome.Kind.INSERTED, null));
                added.add(in);
            } else if (before.sameContent(in.value(), in.status(), in.source(), in.note())) {
                outcomes.add(new Outcome(in, Outcome.Kind.UNCHANGED, null));
            } else {
                outcomes.add(new Outcome(in, Outcome.Kind.REVISED, before.value()));
                revised.add(in);
            }
            session.written(id, in.period());
        }
        copyNew(added, session.ids);
        insertVintages(revised, session.ids);
        return outcomes;
    }

    private void ensureSeries(List<ObservationInput> inputs, WriteSession session) {
        Set<SeriesKey> missing = new LinkedHashSet<>();
        for (ObservationInput in : inputs) {
            if (!session.ids.containsKey(in.series())) {
                missing.add(in.series());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Set<Integer> created = new HashSet<>();
        session.ids.putAll(createSeries(missing, created));
        created.forEach(id -> session.createdSeriesPeriods.put(id, new BitSet()));
    }

    /** The ids of the series, creating those that do not exist; the ids of created ones are added to {@code created}. */
    private Map<SeriesKey, Integer> createSeries(Collection<SeriesKey> keys, Set<Integer> created) {
        Jdbc.SqlArray indicators = Jdbc.array("text", keys.stream().map(SeriesKey::indicator).toList());
        Jdbc.SqlArray regions = Jdbc.array("text", keys.stream().map(SeriesKey::region).toList());
        created.addAll(jdbc.list("""
                INSERT INTO series (indicator, region) SELECT * FROM unnest(?::text[], ?::text[])
                ON CONFLICT (indicator, region) DO NOTHING RETURNING id""", rs -> rs.getInt(1), indicators, regions));
        Map<SeriesKey, Integer> ids = new HashMap<>();
        jdbc.list("""
                SELECT s.id, s.indicator, s.region FROM series s
                JOIN unnest(?::text[], ?::text[]) AS k(indicator, region) USING (indicator, region)""",
                rs -> ids.put(new SeriesKey(rs.getString(2), rs.getString(3)), rs.getInt(1)), indicators, regions);
        return ids;
    }

    /** The latest vintage of each (series, period), one index probe per key so a growing table never gets scanned. */
    private Map<String, Vintage> latest(List<ObservationInput> inputs, Map<SeriesKey, Integer> seriesIds) {
        Map<String, Vintage> out = new HashMap<>();
        jdbc.list("""
                SELECT k.series_id, k.period, v.value, v.status, v.source, v.published, v.received_at, v.note
                FROM unnest(?::int[], ?::date[]) AS k(series_id, period)
                CROSS JOIN LATERAL (
                    SELECT o.value, o.status, o.source, o.published, o.received_at, o.note FROM observation o
                    WHERE o.series_id = k.series_id AND o.period = k.period
                    ORDER BY o.published DESC, o.received_at DESC LIMIT 1) v""",
                rs -> out.put(rs.getInt(1) + "|" + rs.getObject(2, LocalDate.class), vintage(rs, 2)),
                Jdbc.array("int4", inputs.stream().map(in -> seriesIds.get(in.series())).toList()),
                Jdbc.array("text", inputs.stream().map(in -> in.period().toString()).toList()));
        return out;
    }

    /** New observations in bulk with {@code COPY}, on the transaction's connection. */
    private void copyNew(List<ObservationInput> rows, Map<SeriesKey, Integer> seriesIds) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder data = new StringBuilder(rows.size() * 64);
        for (ObservationInput in : rows) {
            data.append(seriesIds.get(in.series())).append('\t').append(in.period()).append('\t').append(in.published())
                    .append('\t').append(in.value().toPlainString()).append('\t');
            copyText(data, in.status()).append('\t');
            copyText(data, in.source()).append('\t');
            copyText(data, in.note()).append('\n');
        }
        String copy = "COPY observation (series_id, period, published, value, status, source, note) FROM STDIN";
        jdbc.inConnection(copy, c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(data.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy observations", e);
            }
        });
    }

    /** A field in COPY's text format: backslash-N for null, backslash escapes for separators and backslashes. */
    private static StringBuilder copyText(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    private void insertVintages(List<ObservationInput> rows, Map<SeriesKey, Integer> seriesIds) {
        if (rows.isEmpty()) {
            return;
        }
        // A second value for the same observation and publication date within one transaction replaces the first:
        // both would carry the same received time, so they are one vintage.
        jdbc.update("""
                INSERT INTO observation (series_id, period, published, received_at, value, status, source, note)
                SELECT series_id, period, published, now(), value, status, source, note
                FROM unnest(?::int[], ?::date[], ?::date[], ?::numeric[], ?::text[], ?::text[], ?::text[])
                     AS t(series_id, period, published, value, status, source, note)
                ON CONFLICT (series_id, period, published, received_at) DO UPDATE
                SET value = excluded.value, status = excluded.status, source = excluded.source, note = excluded.note""",
                Jdbc.array("int4", rows.stream().map(in -> seriesIds.get(in.series())).toList()),
                Jdbc.array("text", rows.stream().map(in -> in.period().toString()).toList()),
                Jdbc.array("text", rows.stream().map(in -> in.published().toString()).toList()),
                Jdbc.array("text", rows.stream().map(in -> in.value().toPlainString()).toList()),
                Jdbc.array("text", rows.stream().map(ObservationInput::status).toList()),
                Jdbc.array("text", rows.stream().map(ObservationInput::source).toList()),
                Jdbc.array("text", rows.stream().map(ObservationInput::note).toList()));
    }

    /**
     * The value of each observation of the indicators in the regions (every region when null), in
     * [{@code from}, {@code until}) (either bound may be null): the vintage with the latest {@code published}, on or
     * before {@code asOf} when given.
     */
    public Map<SeriesKey, TreeMap<LocalDate, Vintage>> values(Collection<String> indicators, Collection<String> regions,
                                                             LocalDate from, LocalDate until, LocalDate asOf) {
        StringBuilder sql = new StringBuilder("""
                SELECT DISTINCT ON (o.series_id, o.period) s.indicator, s.region, o.period, o.value, o.status, o.source,
                       o.published, o.received_at, o.note
                FROM series s JOIN observation o ON o.series_id = s.id
                WHERE s.indicator = ANY (?::text[])""");
        List<Object> params = new ArrayList<>(List.of(Jdbc.array("text", indicators)));
        filters(sql, params, regions, from, until);
        if (asOf != null) {
            sql.append(" AND o.published <= ?");
            params.add(asOf);
        }
        sql.append(" ORDER BY o.series_id, o.period, o.published DESC, o.received_at DESC");
        return read(sql.toString(), params, rs -> vintage(rs, 3));
    }

    /** Values this service derived, as vintages with status {@code derived}; same filters as {@link #values}. */
    public Map<SeriesKey, TreeMap<LocalDate, Vintage>> derivedValues(Collection<String> indicators, Collection<String> regions,
                                                                    LocalDate from, LocalDate until) {
        StringBuilder sql = new StringBuilder("""
                SELECT s.indicator, s.region, o.period, o.value, o.updated_at
                FROM series s JOIN derived_value o ON o.series_id = s.id
                WHERE s.indicator = ANY (?::text[])""");
        List<Object> params = new ArrayList<>(List.of(Jdbc.array("text", indicators)));
        filters(sql, params, regions, from, until);
        return read(sql.toString(), params, rs -> {
            OffsetDateTime updated = rs.getObject(5, OffsetDateTime.class);
            return new Vintage(rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), Derived.STATUS, Derived.SOURCE,
                    updated.toLocalDate(), updated, null);
        });
    }

    private static void filters(StringBuilder sql, List<Object> params, Collection<String> regions, LocalDate from, LocalDate until) {
        if (regions != null) {
            sql.append(" AND s.region = ANY (?::text[])");
            params.add(Jdbc.array("text", regions));
        }
        if (from != null) {
            sql.append(" AND o.period >= ?");
            params.add(from);
        }
        if (until != null) {
            sql.append(" AND o.period < ?");
            params.add(until);
        }
    }

    private Map<SeriesKey, TreeMap<LocalDate, Vintage>> read(String sql, List<Object> params, Jdbc.RowMapper<Vintage> reader) {
        Map<SeriesKey, TreeMap<LocalDate, Vintage>> out = new HashMap<>();
        jdbc.list(sql, rs -> {
            Vintage v = reader.map(rs);
            return out.computeIfAbsent(new SeriesKey(rs.getString(1), rs.getString(2)), k -> new TreeMap<>()).put(v.period(), v);
        }, params.toArray());
        return out;
    }

    /** Whether any value was ever received for the series. */
    public boolean hasObservations(SeriesKey key) {
        return jdbc.one("""
                SELECT EXISTS (SELECT 1 FROM observation o JOIN series s ON s.id = o.series_id
                               WHERE s.indicator = ? AND s.region = ?)""", rs -> rs.getBoolean(1),
                key.indicator(), key.region()).orElseThrow();
    }

    /** Whether any observation or derived value exists for the indicator. */
    public boolean hasData(String indicator) {
        return jdbc.one("""
                SELECT EXISTS (SELECT 1 FROM series s WHERE s.indicator = ?
                    AND (EXISTS (SELECT 1 FROM observation o WHERE o.series_id = s.id)
                      OR EXISTS (SELECT 1 FROM derived_value d WHERE d.series_id = s.id)))""", rs -> rs.getBoolean(1),
                indicator).orElseThrow();
    }

    /** Every vintage of one observation, newest publication first. */
    public List<Vintage> history(SeriesKey key, LocalDate period) {
        return jdbc.list("""
                SELECT o.period, o.value, o.status, o.source, o.published, o.received_at, o.note
                FROM observation o JOIN series s ON s.id = o.series_id
                WHERE s.indicator = ? AND s.region = ? AND o.period = ?
                ORDER BY o.published DESC, o.received_at DESC""", rs -> vintage(rs, 1), key.indicator(), key.region(), period);
    }

    /** Replaces the derived values of the given series, returning what each (series, period) held before. */
    public Map<SeriesKey, Map<LocalDate, BigDecimal>> replaceDerived(String indicator, Map<SeriesKey, Map<LocalDate, BigDecimal>> values) {
        Map<SeriesKey, Map<LocalDate, BigDecimal>> before = new LinkedHashMap<>();
        jdbc.list("""
                SELECT s.region, d.period, d.value FROM derived_value d JOIN series s ON s.id = d.series_id
                WHERE s.indicator = ? ORDER BY s.region, d.period FOR UPDATE OF d""",
                rs -> before.computeIfAbsent(new SeriesKey(indicator, rs.getString(1)), k -> new TreeMap<>())
                        .put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)), indicator);
        Map<SeriesKey, Integer> ids = values.isEmpty() ? Map.of() : createSeries(values.keySet(), new HashSet<>());
        List<Integer> seriesIds = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        values.forEach((key, byPeriod) -> byPeriod.forEach((period, value) -> {
            seriesIds.add(ids.get(key));
            periods.add(period.toString());
            numbers.add(value.toPlainString());
        }));
        jdbc.update("""
                DELETE FROM derived_value d USING series s WHERE s.id = d.series_id AND s.indicator = ?
                AND NOT EXISTS (SELECT 1 FROM unnest(?::int[], ?::date[]) AS k(series_id, period)
                                WHERE k.series_id = d.series_id AND k.period = d.period)""",
                indicator, Jdbc.array("int4", seriesIds), Jdbc.array("text", periods));
        jdbc.update("""
                INSERT INTO derived_value (series_id, period, value)
                SELECT * FROM unnest(?::int[], ?::date[], ?::numeric[])
                ON CONFLICT (series_id, period) DO UPDATE SET value = excluded.value, updated_at = now()
                WHERE derived_value.value <> excluded.value""",
                Jdbc.array("int4", seriesIds), Jdbc.array("text", periods), Jdbc.array("text", numbers));
        return before;
    }

    private static Vintage vintage(ResultSet rs, int first) throws SQLException {
        return new Vintage(rs.getObject(first, LocalDate.class), rs.getBigDecimal(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getObject(first + 4, LocalDate.class),
                rs.getObject(first + 5, OffsetDateTime.class), rs.getString(first + 6));
    }
}
