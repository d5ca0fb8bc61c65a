package io.jjj.platform.http;

import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** If-Match and If-None-Match for writes, by RFC 9110. */
class ConditionalWritesTest {

    @Test
    void aVersionIsAStrongTag() {
        assertEquals("\"3\"", ConditionalWrites.etag(3));
        assertEquals("\"3\"", ConditionalWrites.entityTag(3).toString());
        assertFalse(ConditionalWrites.entityTag(3).isWeak());
    }

    @Test
    void strongTagsStarAndListsMatch() {
        assertTrue(ConditionalWrites.matches("\"3\"", 3));
        assertTrue(ConditionalWrites.matches(" \"3\" ", 3));
        assertTrue(ConditionalWrites.matches("*", 3));
        assertTrue(ConditionalWrites.matches("\"1\", \"3\"", 3));
        assertTrue(ConditionalWrites.matches("\"1\",\"3\"", 3));
        assertTrue(ConditionalWrites.matches("\"1\", , \"3\"", 3), "empty list elements are skipped");
        assertFalse(ConditionalWrites.matches("\"1\", \"2\"", 3));
        assertFalse(ConditionalWrites.matches("\"30\"", 3));
        assertFalse(ConditionalWrites.matches(null, 3));
    }

    @Test
    void aWeakTagNeverMatchesForAWrite() {
        assertFalse(ConditionalWrites.matches("W/\"3\"", 3));
        assertFalse(ConditionalWrites.matches("W/\"1\", W/\"3\"", 3));
        assertTrue(ConditionalWrites.matches("W/\"1\", \"3\"", 3));
        ProblemException stale = assertThrows(ProblemException.class, () -> ConditionalWrites.requireMatch("W/\"3\"", 3, "gadget a"));
        assertEquals(412, stale.status());
    }

    @Test
    void aMissingTagIs428NamingTheHeader() {
        for (String missing : new String[] {null, "", "  "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ConditionalWrites.requireMatch(missing, 3, "gadget a"));
            assertEquals(428, e.status());
            assertEquals("If-Match", e.errors().get(0).field());
            Problem p = e.toProblem("/x");
            assertTrue(p.detail().contains("gadget a") && p.detail().contains("If-Match"), p.detail());
            assertEquals("\"3\"", p.extensionMembers().get("currentETag"));
        }
    }

    @Test
    void aStaleTagIs412SayingTheCurrentOne() {
        ProblemException e = assertThrows(ProblemException.class, () -> ConditionalWrites.requireMatch("\"2\"", 3, "gadget a"));
        assertEquals(412, e.status());
        assertEquals("If-Match", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("\"3\"") && e.getMessage().contains("\"2\""), e.getMessage());
        assertDoesNotThrow(() -> ConditionalWrites.requireMatch("\"3\"", 3, "gadget a"));
    }

    @Test
    void aMalformedHeaderIs400NamingIt() {
        for (String bad : new String[] {"3", "\"3", "W/3", "\"3\" \"4\"", "*, \"3\"", ",", "\"a\"b", "\"a b\""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ConditionalWrites.requireMatch(bad, 3, "gadget a"), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("If-Match", e.errors().get(0).field(), bad);
            assertTrue(e.getMessage().startsWith("If-Match: "), e.getMessage());
        }
    }

    @Test
    void anOptionalTagIsCheckedOnlyWhenGiven() {
        assertDoesNotThrow(() -> ConditionalWrites.checkMatch(null, 3, "gadget a"));
        assertDoesNotThrow(() -> ConditionalWrites.checkMatch("\"3\"", 3, "gadget a"));
        assertEquals(412, assertThrows(ProblemException.class, () -> ConditionalWrites.checkMatch("\"4\"", 3, "gadget a")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> ConditionalWrites.checkMatch("4", 3, "gadget a")).status());
    }

    @Test
    void createOrReplaceCreatesWithoutATagAndReplacesOnlyWithAMatchingOne() {
        assertTrue(ConditionalWrites.createOrReplace(null, null, OptionalLong.empty(), "gadget a"));
        assertTrue(ConditionalWrites.createOrReplace(null, "*", OptionalLong.empty(), "gadget a"));
        assertFalse(ConditionalWrites.createOrReplace("\"3\"", null, OptionalLong.of(3), "gadget a"));
        assertFalse(ConditionalWrites.createOrReplace("*", null, OptionalLong.of(3), "gadget a"));

        assertEquals(428, status(null, null, OptionalLong.of(3)));
        assertEquals(412, status("\"2\"", null, OptionalLong.of(3)));
        assertEquals(412, status("\"1\"", null, OptionalLong.empty()), "no tag matches a missing resource");
        assertEquals(412, status("*", null, OptionalLong.empty()), "not even *");
        assertEquals(412, status(null, "*", OptionalLong.of(3)), "If-None-Match: * on an existing resource");
        assertEquals(400, status(null, "\"3\"", OptionalLong.of(3)), "If-None-Match with tags is no write precondition here");
        assertEquals(400, status("3", null, OptionalLong.empty()));
        ProblemException e = assertThrows(ProblemException.class,
                () -> ConditionalWrites.createOrReplace(null, "*", OptionalLong.of(3), "gadget a"));
        assertEquals("If-None-Match", e.errors().get(0).field());
    }

    @Test
    void parseKeepsTagsAsWritten() {
        assertEquals(List.of("\"a,b\"", "W/\"c\""), ConditionalWrites.parse("If-Match", "\"a,b\", W/\"c\""));
        assertEquals(List.of("*"), ConditionalWrites.parse("If-Match", " * "));
    }

    private static int status(String ifMatch, String ifNoneMatch, OptionalLong current) {
        return assertThrows(ProblemException.class, () -> ConditionalWrites.createOrReplace(ifMatch, ifNoneMatch, current, "gadget a")).status();
    }
}
