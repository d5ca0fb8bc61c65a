package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StopperTest {

    @Test
    void stopsTheGatewayFirstThenServicesThenKafkaThenPostgres() {
        assertEquals(List.of(
                List.of("gateway"),
                List.of("indicators", "projects", "transport"),
                List.of("kafka"),
                List.of("postgres")), Stopper.tiers());
    }
}
