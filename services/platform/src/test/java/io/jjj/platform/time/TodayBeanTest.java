package io.jjj.platform.time;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** In the application, Today reads the one Clock bean, and a resource's asOf defaults to it. */
@QuarkusTest
class TodayBeanTest {

    @Inject
    Today today;

    @Inject
    Clock clock;

    @Test
    void todayReadsTheOneClockBeanWhichIsUtc() {
        assertSame(clock, today.clock());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(Today.of(Clock.systemUTC()), today.date());
    }

    @Test
    void anAbsentAsOfIsTodayAndABadOneA400() {
        String day = Today.of(Clock.systemUTC()).toString();
        given().when().get("/api/test/gadgets/as-of").then().statusCode(200).body("asOf", equalTo(day)).body("today", equalTo(day));
        given().when().get("/api/test/gadgets/as-of?asOf=2016-12-31").then().statusCode(200).body("asOf", equalTo("2016-12-31"));
        given().when().get("/api/test/gadgets/as-of?asOf=2016-02-30").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }
}
