package io.jjj.indicators.domain;

import io.jjj.indicators.config.IndicatorsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue and sources as queries see them: read at most once per {@code catalogue-cache-ttl}, and again at
 * once when a query names a code the last read did not have, so a new indicator or source is never refused.
 */
@ApplicationScoped
public class QueryCatalogue {

    private record Snapshot(Map<String, Indicator> indicators, Map<String, String> sources, long readAtNanos) {
    }

    private final Catalogue catalogue;
    private final IndicatorsConfig config;
    private volatile Snapshot snapshot;

    public QueryCatalogue(Catalogue catalogue, IndicatorsConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    /** The entries with these codes; unknown codes are left out. */
    public Map<String, Indicator> indicators(Collection<String> codes) {
        Snapshot s = current();
        if (!s.indicators().keySet().containsAll(codes)) {
            s = reread();
        }
        Map<String, Indicator> out = new LinkedHashMap<>();
        for (String code : codes) {
            Indicator i = s.indicators().get(code);
            if (i != null) {
                out.put(code, i);
            }
        }
        return out;
    }

    /** The citations of these sources. */
    public Map<String, String> sources(Collection<String> ids) {
        Snapshot s = current();
        if (!s.sources().keySet().containsAll(ids)) {
            s = reread();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            String citation = s.sources().get(id);
            if (citation != null) {
                out.put(id, citation);
            }
        }
        return out;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.readAtNanos() > config.query().catalogueCacheTtl().toNanos()) {
            s = reread();
        }
        return s;
    }

    private Snapshot reread() {
        Snapshot s = new Snapshot(Map.copyOf(catalogue.indicators()), Map.copyOf(catalogue.sources()), System.nanoTime());
        snapshot = s;
        return s;
    }
}
