package io.jjj.indicators.api;

import io.jjj.indicators.api.ObservationViews.ObservationView;

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
            out.append(field(r.indicator())).append(',')
                    .append(field(r.region())).append(',')
                    .append(field(r.regionName())).append(',')
                    .append(field(r.period())).append(',')
                    .append(r.value() == null ? "" : r.value().toPlainString()).append(',')
                    .append(field(r.unit())).append(',')
                    .append(r.scale() == null ? "" : r.scale().toPlainString()).append(',')
                    .append(field(r.status())).append(',')
                    .append(field(r.source())).append(',')
                    .append(r.published() == null ? "" : r.published().toString()).append(',')
                    .append(r.received() == null ? "" : r.received().toString()).append(',')
                    .append(field(r.note())).append(',')
                    .append(field(r.derivation() == null ? null : r.derivation().method() + ": " + r.derivation().formula())).append(',')
                    .append(field(r.reason())).append(',')
                    .append(field(r.source() == null ? null : citations.get(r.source()))).append("\r\n");
        }
        return out.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
