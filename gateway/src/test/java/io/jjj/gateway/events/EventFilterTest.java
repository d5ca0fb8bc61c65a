package io.jjj.gateway.events;

import io.jjj.platform.regions.Regions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFilterTest {

    private static final Regions REGIONS = new Regions();
    private static final RelayedEvent BAODI_PROJECT = new RelayedEvent("1", "jjj.projects.project.updated.v1",
            Set.of("110108", "120115"), "{}", 2, Instant.EPOCH);

    @Test
    void typesMatchByPrefixWithOrWithoutAStar() {
        assertEquals(List.of("jjj.projects.", "jjj.transport.link.opened.v1"),
                EventFilter.of(" jjj.projects.* , jjj.transport.link.opened.v1,", null).typePrefixes());
        assertTrue(EventFilter.of("jjj.projects.*", null).matches(BAODI_PROJECT, REGIONS));
        assertTrue(EventFilter.of("jjj.projects.project.updated.v1", null).matches(BAODI_PROJECT, REGIONS));
        assertFalse(EventFilter.of("jjj.transport.", null).matches(BAODI_PROJECT, REGIONS));
        assertTrue(EventFilter.ALL.matches(BAODI_PROJECT, REGIONS));
    }

    @Test
    void regionsMatchThemselvesAnythingInsideAndGroups() {
        assertTrue(EventFilter.of(null, "120000").matches(BAODI_PROJECT, REGIONS), "destination Baodi lies in Tianjin");
        assertTrue(EventFilter.of(null, "BJ-CORE6").matches(BAODI_PROJECT, REGIONS), "origin Haidian is in the six core districts");
        assertTrue(EventFilter.of(null, "120115").matches(BAODI_PROJECT, REGIONS));
        assertFalse(EventFilter.of(null, "130000").matches(BAODI_PROJECT, REGIONS));
        assertFalse(EventFilter.of(null, "110000").matches(new RelayedEvent("2", "t", Set.of(), "{}", 2, Instant.EPOCH), REGIONS));
    }
}
