package io.jjj.projects.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {

    @Test
    void theMainLineMovesOneStepAtATime() {
        assertEquals(List.of("signed", "suspended", "cancelled"), List.copyOf(Lifecycle.next("proposed", null)));
        assertEquals(List.of("completed", "suspended", "cancelled"), List.copyOf(Lifecycle.next("operational", null)));
        assertFalse(Lifecycle.allows("signed", null, "operational"));
        assertTrue(Lifecycle.allows("under-construction", null, "operational"));
    }

    @Test
    void aSuspensionReturnsWhereItCameFromOrEnds() {
        assertEquals(List.of("approved", "cancelled"), List.copyOf(Lifecycle.next("suspended", "approved")));
        assertFalse(Lifecycle.allows("suspended", "approved", "under-construction"));
    }

    @Test
    void completedAndCancelledAreFinal() {
        assertTrue(Lifecycle.next("completed", null).isEmpty());
        assertTrue(Lifecycle.next("cancelled", null).isEmpty());
    }

    @Test
    void plannedIsReadAsProposed() {
        assertEquals(Optional.of("proposed"), Lifecycle.parse("planned"));
        assertEquals(Optional.of("under-construction"), Lifecycle.parse("Under_Construction"));
        assertEquals(Optional.empty(), Lifecycle.parse("dreaming"));
    }
}
