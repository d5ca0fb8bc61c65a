package io.jjj.platform.feeds;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvReader r = new CsvReader(new StringReader("\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n\n3,,\"\"\n"));
        assertEquals(List.of("a", "b", "c"), r.next());
        assertEquals(1, r.recordLine());
        assertEquals(List.of("1", "x, \"y\"", "two\nlines"), r.next());
        assertEquals(2, r.recordLine());
        assertEquals(List.of("3", "", ""), r.next());
        assertEquals(5, r.recordLine(), "the quoted line break and the blank line count");
        assertNull(r.next());
    }

    @Test
    void aLastLineWithoutNewlineIsARecord() throws IOException {
        CsvReader r = new CsvReader(new StringReader("a\nb"));
        assertEquals(List.of("a"), r.next());
        assertEquals(List.of("b"), r.next());
        assertNull(r.next());
    }

    @Test
    void anUnterminatedQuoteIsMalformed() {
        CsvReader r = new CsvReader(new StringReader("a\n\"b,c\n"));
        CsvReader.MalformedCsvException e = assertThrows(CsvReader.MalformedCsvException.class, () -> {
            r.next();
            r.next();
        });
        assertEquals(2, e.line());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsMalformed() throws IOException {
        CsvReader r = new CsvReader(new StringReader("ab\"c\n"));
        assertThrows(CsvReader.MalformedCsvException.class, r::next);
    }
}
