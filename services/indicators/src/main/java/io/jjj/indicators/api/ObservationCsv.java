package io.jjj.indicators.api;

import io.jjj.indicators.api.ObservationViews.ObservationView;
import io.jjj.platform.formats.Formats;

import java.util.List;
import java.util.Map;

/** Observations as CSV (RFC 4180) with a header row. */
final class ObservationCsv {

    static final String HEADER = "indicator,region,region_name,period,value,unit,scale,status,source,published,received,note,"
            + "derivation,reason,citation";

    private ObservationCsv() {
    }

    static String write(List<ObservationView> rows, Map<String, String> citations) {
        StringBuilder out = new StringBuilder(HEADER.length() + rows.size() * 160).append(HEADER).append("\r\n");
        for (ObservationView r : rows) {
            out.append(Formats.csvLine(r.indicator(), r.region(), r.regionName(), r.period(), r.value(), r.unit(), r.scale(),
                    r.status(), r.source(), r.published(), r.received(), r.note(),
                    r.derivation() == null ? null : r.derivation().method() + ": " + r.derivation().formula(), r.reason(),
                    r.source() == null ? null : citations.get(r.source())));
        }
        return out.toString();
    }
}
