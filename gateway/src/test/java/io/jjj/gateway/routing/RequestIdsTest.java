package io.jjj.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void generatedIdsAreUuidShapedAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.generate();
            assertTrue(id.matches(UUID_SHAPE), id);
            ids.add(id);
        }
        assertEquals(100_000, ids.size());
    }

    @Test
    void aSensibleOfferedIdIsKeptAnyOtherReplaced() {
        assertEquals("req-123", RequestIds.acceptOrGenerate("req-123"));
        assertEquals("a.b_c:d@e/f+g=h-1", RequestIds.acceptOrGenerate("a.b_c:d@e/f+g=h-1"));
        assertEquals("x".repeat(128), RequestIds.acceptOrGenerate("x".repeat(128)));
        for (String offered : new String[] {null, "", "x".repeat(129), "has space", "ünïcode", "semi;colon", "line\nbreak"}) {
            String id = RequestIds.acceptOrGenerate(offered);
            assertNotEquals(offered, id);
            assertTrue(id.matches(UUID_SHAPE), id);
        }
    }
}
