package io.jjj.projects;

import io.jjj.platform.config.PlatformConfig;
import io.jjj.projects.domain.FlowTotals;
import io.jjj.projects.domain.ProjectJdbcQueries;
import io.jjj.testkit.KafkaTestResource;
import io.jjj.testkit.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.jjj.projects.Projects.writer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: the flow totals held in memory answer exactly what the SQL over project_flow answers, for random
 * registries (new projects, changed statuses, amounts and years, cancellations) and random year ranges, read right
 * after each write.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class FlowTotalsTest {

    private static final String HEADER = "ref,name_en,kind,sector,origin,destination,status,signed,operational,investment_cny_100m,jobs,area_km2,metrics,source\n";
    private static final String[] ORIGINS = {"110000", "110105", "110108", "120000", "120116"};
    private static final String[] DESTINATIONS = {"130100", "130600", "130684", "133100", "120115", "131000"};
    private static final String[] STATUSES = {"planned", "signed", "approved", "under-construction", "operational", "cancelled"};

    @Inject
    PlatformConfig config;

    @Inject
    FlowTotals totals;

    @Inject
    ProjectJdbcQueries queries;

    @Test
    void inMemoryTotalsEqualTheSqlTotalsOnRandomData() {
        Random random = new Random(2014);
        String stem = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        for (int round = 0; round < 6; round++) {
            StringBuilder csv = new StringBuilder(HEADER);
            List<Integer> numbers = new ArrayList<>(IntStream.range(0, 60).boxed().toList());
            Collections.shuffle(numbers, random);
            // 25 of 60 refs each round: later rounds change projects written before
            for (int n : numbers.subList(0, 25)) {
                String signed = random.nextInt(5) == 0 ? "" : Integer.toString(2000 + random.nextInt(25));
                String investment = random.nextBoolean() ? String.format("%.2f", random.nextDouble() * 300) : "";
                String jobs = random.nextBoolean() ? Integer.toString(random.nextInt(20000)) : "";
                csv.append(stem).append('-').append(n).append(",Flow project ").append(n).append(",industrial-transfer,")
                        .append(stem).append(',').append(ORIGINS[random.nextInt(ORIGINS.length)]).append(',')
                        .append(DESTINATIONS[random.nextInt(DESTINATIONS.length)]).append(',')
                        .append(STATUSES[random.nextInt(STATUSES.length)]).append(',').append(signed).append(",,")
                        .append(investment).append(',').append(jobs).append(",,,T\n");
            }
            given().filter(writer(config)).contentType("text/csv").body(csv.toString()).queryParam("mode", "partial")
                    .when().post("/api/projects/feeds/projects").then().log().ifValidationFails().statusCode(200);
            assertTotalsAgree(null, null);
            for (int q = 0; q < 15; q++) {
                Integer from = random.nextInt(4) == 0 ? null : 1998 + random.nextInt(30);
                Integer to = random.nextInt(4) == 0 ? null : (from == null ? 2000 : from) + random.nextInt(12);
                assertTotalsAgree(from, to);
            }
        }
    }

    private void assertTotalsAgree(Integer from, Integer to) {
        assertEquals(byPair(queries.flows(from, to)), byPair(totals.flows(from, to)), "years " + from + " to " + to);
    }

    private static Map<String, List<String>> byPair(List<ProjectJdbcQueries.Flow> flows) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ProjectJdbcQueries.Flow f : flows) {
            out.put(f.origin() + " → " + f.destination(), List.of(Long.toString(f.projects()),
                    f.investmentCny100m().stripTrailingZeros().toPlainString(), Long.toString(f.jobs())));
        }
        return out;
    }
}
