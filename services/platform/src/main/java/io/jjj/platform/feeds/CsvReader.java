package io.jjj.platform.feeds;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields, doubled quotes, separators and line breaks inside quotes,
 * CRLF or LF, a leading byte order mark. Knows the line on which each record starts. With {@link Limits} it
 * stops at an overlong field or record, or too many fields, before holding more than the limit in memory.
 */
public final class CsvReader {

    /** Caps on what one record may hold, in characters and fields. */
    public record Limits(int maxFieldLength, int maxRecordLength, int maxFields) {
        /** For the reference files that ship inside the code, which no client writes. */
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** A record that is not well-formed CSV (an unterminated quote, a stray quote) or is over a limit. */
    public static final class MalformedCsvException extends IOException {
        private final long line;
        private final int field;

        MalformedCsvException(long line, int field, String message) {
            super(message);
            this.line = line;
            this.field = field;
        }

        public long line() {
            return line;
        }

        /** The index of the field at fault in its record, or -1 when it is the record as a whole. */
        public int field() {
            return field;
        }
    }

    private final Reader in;
    private final Limits limits;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean first = true;

    public CsvReader(Reader in) {
        this(in, Limits.NONE);
    }

    public CsvReader(Reader in, Limits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** The line on which the record last returned by {@link #next()} started. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record, or {@code null} at the end. Blank lines are skipped. */
    public List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            return readRecord(c);
        }
    }

    private List<String> readRecord(int c) throws IOException {
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        long recordLength = 0;
        while (true) {
            if (++recordLength > limits.maxRecordLength()) {
                throw new MalformedCsvException(recordLine, -1, "the record is longer than " + limits.maxRecordLength() + " characters");
            }
            if (field.length() > limits.maxFieldLength()) {
                throw new MalformedCsvException(recordLine, fields.size(), "a field is longer than " + limits.maxFieldLength() + " characters");
            }
            if (c == -1) {
                if (quoted) {
                    throw new MalformedCsvException(recordLine, -1, "unterminated quoted field");
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                if (fields.size() + 1 >= limits.maxFields()) {
                    throw new MalformedCsvException(recordLine, -1, "the record has more than " + limits.maxFields() + " fields");
                }
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n' && n != -1) {
                        unread();
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else if (afterQuote) {
                throw new MalformedCsvException(recordLine, fields.size(), "unexpected character after a closing quote");
            } else if (c == '"') {
                throw new MalformedCsvException(recordLine, fields.size(), "quote inside an unquoted field");
            } else {
                field.append((char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread() {
        position--;
    }
}
