package io.jjj.platform.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jjj.platform.config.PlatformConfig;
import io.jjj.platform.input.ControlCharacters;
import io.jjj.platform.problem.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    protected final PlatformConfig.Feeds limits;

    FeedRowReader(Set<String> required, Set<String> optional, PlatformConfig.Feeds limits) {
        this.required = required;
        this.optional = optional;
        this.limits = limits;
    }

    /** The next row, or null at the end of the body; a row after which nothing can be read {@link FeedRow#endsBody()}. */
    abstract FeedRow next() throws IOException, BadColumnsException;

    static FeedRowReader of(FeedFormat format, Reader body, Set<String> required, Set<String> optional,
                            PlatformConfig.Feeds limits) {
        return format == FeedFormat.CSV ? new Csv(body, required, optional, limits) : new Ndjson(body, required, optional, limits);
    }

    /** Records an error for each cell holding a control character other than a line break. */
    protected static void refuseControlCharacters(FeedRow row, Map<String, String> cells) {
        cells.forEach((column, value) -> ControlCharacters.inText(value).ifPresent(why -> row.error(column, why)));
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

        Csv(Reader body, Set<String> required, Set<String> optional, PlatformConfig.Feeds limits) {
            super(required, optional, limits);
            this.csv = new CsvReader(body, new CsvReader.Limits(limits.maxFieldLength(), limits.maxLineLength(), limits.maxColumns()));
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
                row.error(e.field() >= 0 && e.field() < header.size() ? header.get(e.field()) : null, "malformed CSV: " + e.getMessage());
                row.endBody();
                return row;
            }
            if (record == null) {
                return null;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                cells.put(header.get(i), record.get(i));
            }
            FeedRow row = new FeedRow(csv.recordLine(), cells);
            refuseControlCharacters(row, cells);
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
            for (String column : header) {
                Optional<String> why = ControlCharacters.inLine(column);
                if (why.isPresent()) {
                    throw new BadColumnsException(List.of(FieldError.row(csv.recordLine(), null, "a column name " + why.get())));
                }
            }
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
        private final Reader lines;
        private final StringBuilder text = new StringBuilder();
        private long line;
        private boolean atEnd;

        Ndjson(Reader body, Set<String> required, Set<String> optional, PlatformConfig.Feeds limits) {
            super(required, optional, limits);
            this.lines = new BufferedReader(body, 64 * 1024);
        }

        @Override
        FeedRow next() throws IOException {
            boolean tooLong;
            do {
                line++;
                tooLong = readLine();
                if (text.isEmpty() && !tooLong && atEnd) {
                    return null;
                }
            } while (!tooLong && text.toString().isBlank());
            Map<String, String> cells = new LinkedHashMap<>();
            FeedRow row = new FeedRow(line, cells);
            if (tooLong) {
                row.error(null, "the line is longer than " + limits.maxLineLength() + " characters");
                return row;
            }
            try {
                JsonNode node = JSON.readTree(text.toString());
                if (!node.isObject()) {
                    row.error(null, "each line must be a JSON object");
                    return row;
                }
                if (node.size() > limits.maxColumns()) {
                    row.error(null, "the object has " + node.size() + " fields; at most " + limits.maxColumns());
                    return row;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode v = field.getValue();
                    cells.put(field.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
                }
                refuseControlCharacters(row, cells);
                cells.forEach((column, value) -> {
                    if (value.length() > limits.maxFieldLength()) {
                        row.error(column, "longer than " + limits.maxFieldLength() + " characters");
                    }
                });
                unknownColumns(cells.keySet(), line).forEach(e -> row.error(e.field(), e.message()));
            } catch (JsonProcessingException e) {
                row.error(null, "malformed JSON: " + e.getOriginalMessage());
            }
            return row;
        }

        /** Reads the next line into {@code text}, keeping at most the limit; true when the line was longer. */
        private boolean readLine() throws IOException {
            text.setLength(0);
            boolean tooLong = false;
            int c;
            while ((c = lines.read()) != -1 && c != '\n') {
                if (text.length() < limits.maxLineLength()) {
                    text.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            atEnd = c == -1;
            if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
            return tooLong;
        }
    }
}
