package io.jjj.platform.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.problem.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads feed rows one at a time from CSV (header row) or NDJSON (one object per line), checking the columns
 * against what the handler knows. Rows that cannot even be read come back with their error recorded.
 */
abstract sealed class FeedRowReader permits FeedRowReader.Csv, FeedRowReader.Ndjson {

    /** The header (or an NDJSON line) names columns the feed does not have, or lacks required ones. */
    static final class BadColumnsException extends Exception {
        final List<FieldError> errors;

        BadColumnsException(List<FieldError> errors) {
            super("the columns do not match the feed");
            this.errors = errors;
        }
    }

    protected final Set<String> required;
    protected final Set<String> optional;

    FeedRowReader(Set<String> required, Set<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The next row, or null at the end of the body. */
    abstract FeedRow next() throws IOException, BadColumnsException;

    static FeedRowReader of(FeedFormat format, Reader body, Set<String> required, Set<String> optional) {
        return format == FeedFormat.CSV ? new Csv(body, required, optional) : new Ndjson(body, required, optional);
    }

    protected List<FieldError> unknownColumns(Iterable<String> columns, long line) {
        List<FieldError> errors = new ArrayList<>();
        for (String c : columns) {
            if (!required.contains(c) && !optional.contains(c)) {
                errors.add(FieldError.row(line, c, "unknown column; this feed takes " + describe()));
            }
        }
        return errors;
    }

    protected String describe() {
        List<String> all = new ArrayList<>(required);
        optional.forEach(o -> all.add(o + " (optional)"));
        return String.join(", ", all);
    }

    static final class Csv extends FeedRowReader {
        private final CsvReader csv;
        private List<String> header;

        Csv(Reader body, Set<String> required, Set<String> optional) {
            super(required, optional);
            this.csv = new CsvReader(body);
        }

        @Override
        FeedRow next() throws IOException, BadColumnsException {
            if (header == null) {
                readHeader();
            }
            List<String> record;
            try {
                record = csv.next();
            } catch (CsvReader.MalformedCsvException e) {
                FeedRow row = new FeedRow(e.line(), Map.of());
                row.error(null, "malformed CSV: " + e.getMessage());
                throw new UnreadableRestException(row);
            }
            if (record == null) {
                return null;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                cells.put(header.get(i), record.get(i));
            }
            FeedRow row = new FeedRow(csv.recordLine(), cells);
            if (record.size() != header.size()) {
                row.error(null, "has " + record.size() + " cells; the header has " + header.size());
            }
            return row;
        }

        private void readHeader() throws IOException, BadColumnsException {
            List<String> h;
            try {
                h = csv.next();
            } catch (CsvReader.MalformedCsvException e) {
                throw new BadColumnsException(List.of(FieldError.row(1, null, "malformed CSV header: " + e.getMessage())));
            }
            if (h == null) {
                throw new BadColumnsException(List.of(FieldError.row(1, null, "the body is empty; a header row is required")));
            }
            header = h.stream().map(String::trim).toList();
            List<FieldError> errors = unknownColumns(header, csv.recordLine());
            for (String r : required) {
                if (!header.contains(r)) {
                    errors.add(FieldError.row(csv.recordLine(), r, "required column missing from the header"));
                }
            }
            if (!errors.isEmpty()) {
                throw new BadColumnsException(errors);
            }
        }
    }

    static final class Ndjson extends FeedRowReader {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final BufferedReader lines;
        private long line;

        Ndjson(Reader body, Set<String> required, Set<String> optional) {
            super(required, optional);
            this.lines = new BufferedReader(body, 64 * 1024);
        }

        @Override
        FeedRow next() throws IOException {
            String text;
            do {
                text = lines.readLine();
                line++;
                if (text == null) {
                    return null;
                }
            } while (text.isBlank());
            Map<String, String> cells = new LinkedHashMap<>();
            FeedRow row = new FeedRow(line, cells);
            try {
                JsonNode node = JSON.readTree(text);
                if (!node.isObject()) {
                    row.error(null, "each line must be a JSON object");
                    return row;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode v = field.getValue();
                    cells.put(field.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
                }
                unknownColumns(cells.keySet(), line).forEach(e -> row.error(e.field(), e.message()));
            } catch (JsonProcessingException e) {
                row.error(null, "malformed JSON: " + e.getOriginalMessage());
            }
            return row;
        }
    }

    /** A CSV syntax error after which the rest of the body cannot be split into rows reliably. */
    static final class UnreadableRestException extends IOException {
        final FeedRow row;

        UnreadableRestException(FeedRow row) {
            super(row.errors().get(0).message());
            this.row = row;
        }
    }
}
