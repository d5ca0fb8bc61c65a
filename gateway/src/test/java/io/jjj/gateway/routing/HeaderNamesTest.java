package io.jjj.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderNamesTest {

    @Test
    void namesMatchIgnoringCaseAndNothingElse() {
        HeaderNames hopByHop = new HeaderNames("Connection", "TE", "Transfer-Encoding");
        HeaderNames notForwarded = hopByHop.and("Host", "X-API-Key");
        assertTrue(hopByHop.contains("connection"));
        assertTrue(hopByHop.contains("TRANSFER-ENCODING"));
        assertTrue(hopByHop.contains("te"));
        assertFalse(hopByHop.contains("Host"));
        assertFalse(hopByHop.contains("tea"));
        assertFalse(hopByHop.contains("Connection-Extra-Long-Name-Longer-Than-Any"));
        assertFalse(hopByHop.contains(""));
        assertTrue(notForwarded.contains("x-api-key"));
        assertTrue(notForwarded.contains("HOST"));
        assertTrue(notForwarded.contains("Connection"));
        assertFalse(notForwarded.contains("X-API-Keys"));
    }
}
