package io.jjj.gateway.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway reads from the services: each call with the query parameters it may send, and records with exactly
 * the fields it reads of the answers. The contract test checks all of them against the services' OpenAPI documents.
 */
public final class ServiceReads {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    /** One GET the gateway makes to a service, read through {@code answer}. */
    public record Read<T>(String service, String path, List<String> parameters, Class<T> answer) {

        /** The path with its {@code {parameters}} replaced, in order, by the values (encoded). */
        public String pathWith(String... values) {
            Matcher m = PATH_PARAMETER.matcher(path);
            StringBuilder uri = new StringBuilder();
            int next = 0;
            while (m.find()) {
                m.appendReplacement(uri, Matcher.quoteReplacement(
                        URLEncoder.encode(values[next++], StandardCharsets.UTF_8).replace("+", "%20")));
            }
            m.appendTail(uri);
            if (next != values.length) {
                throw new IllegalArgumentException(path + " takes " + next + " path values, not " + values.length);
            }
            return uri.toString();
        }
    }

    public static final Read<IndicatorPage> INDICATORS = new Read<>("indicators", "/api/indicators",
            List.of("size"), IndicatorPage.class);
    public static final Read<IndicatorDefinition> INDICATOR = new Read<>("indicators", "/api/indicators/{code}",
            List.of(), IndicatorDefinition.class);
    public static final Read<ObservationPage> OBSERVATIONS = new Read<>("indicators", "/api/observations",
            List.of("indicator", "region", "from", "to", "latest", "size", "asOf"), ObservationPage.class);
    public static final Read<ProjectPage> PROJECTS = new Read<>("projects", "/api/projects",
            List.of("destination", "origin", "size", "asOf"), ProjectPage.class);
    public static final Read<Accessibility> ACCESSIBILITY = new Read<>("transport", "/api/transport/accessibility",
            List.of("to", "asOf"), Accessibility.class);
    public static final Read<Isochrone> ISOCHRONE = new Read<>("transport", "/api/transport/isochrones",
            List.of("from", "minutes", "asOf"), Isochrone.class);

    public static final List<Read<?>> ALL = List.of(INDICATORS, INDICATOR, OBSERVATIONS, PROJECTS, ACCESSIBILITY, ISOCHRONE);

    /** The schema every service documents its problem answers with. */
    public static final String PROBLEM_SCHEMA = "Problem";

    private ServiceReads() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorPage(List<IndicatorSummary> items) {
        public IndicatorPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorSummary(String code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorDefinition(String unit, Boolean additive) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ObservationPage(List<Observation> items) {
        public ObservationPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Observation(String indicator, String region, String period, BigDecimal value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectPage(List<ProjectSummary> items, Long total) {
        public ProjectPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProjectSummary(BigDecimal investmentCny100m) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accessibility(List<ReachedNode> nodes) {
        public Accessibility {
            nodes = nodes == null ? List.of() : nodes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Isochrone(List<ReachedNode> nodes) {
        public Isochrone {
            nodes = nodes == null ? List.of() : nodes;
        }
    }

    /** A station with the minutes it is reached in (absent when unreachable). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReachedNode(String id, String region, Double minutes) {
    }

    /** What the gateway reads of an error answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemAnswer(String detail) {
    }
}
