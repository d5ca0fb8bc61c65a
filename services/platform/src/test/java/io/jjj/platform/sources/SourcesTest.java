package io.jjj.platform.sources;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcesTest {

    private final Sources sources = new Sources();

    @Test
    void knowsTheReferencePublications() {
        assertTrue(sources.citation("TANG2018").orElseThrow().startsWith("Shaoqing Tang et al."));
        assertTrue(sources.citation("NOPE").isEmpty());
        assertEquals(List.of("BR2024", "APPROX"), List.copyOf(sources.citations(List.of("BR2024", "NOPE", "APPROX")).keySet()));
    }
}
