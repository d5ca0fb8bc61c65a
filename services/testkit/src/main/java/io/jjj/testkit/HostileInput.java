package io.jjj.testkit;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What a hostile client sends in path segments and query parameters, and the checks every answer must pass: never
 * a 5xx, every 4xx an {@code application/problem+json}, no Java class or stack trace in any body.
 */
public final class HostileInput {

    /** Raw (already percent-encoded) values: control characters, bad escapes, far dates, huge and odd numbers, long text. */
    public static final List<String> VALUES = List.of(
            "%00", "a%00b", "%1B", "%7F", "%0A", "%FF%FE", "%C0%AF", "%E2%80%AE", "%25", "..%2F..%2Fq%2Fmetrics",
            "+5874898-01-01", "-999999999-01-01", "0000-01-01", "9999-12-31", "2013-02-30", "99999999999999999999",
            "2147483647", "-2147483648", "-1", "0", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999",
            "%27%22%3B--", ",,,", "x".repeat(2_000), "%E4%BA%AC".repeat(300));

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern JAVA_NAMES = Pattern.compile("Exception|\\bjava\\.|\\bio\\.jjj\\.|\\bat [a-z]+\\.[a-z]+\\.");

    private HostileInput() {
    }

    /**
     * Sends every hostile value in each path parameter of {@code template} and in each query parameter of
     * {@code valid} (one at a time, the others kept valid); asserts every answer and returns how many were sent.
     */
    public static int probe(String template, Map<String, String> pathValues, Map<String, String> valid) {
        int sent = 0;
        for (String hostile : VALUES) {
            Matcher m = PATH_PARAMETER.matcher(template);
            while (m.find()) {
                Map<String, String> path = new LinkedHashMap<>(pathValues);
                path.put(m.group(1), hostile);
                check(expand(template, path) + query(valid));
                sent++;
            }
            for (String parameter : valid.keySet()) {
                Map<String, String> query = new LinkedHashMap<>(valid);
                query.put(parameter, hostile);
                check(expand(template, pathValues) + query(query));
                sent++;
            }
        }
        return sent;
    }

    /** Asserts the answer to a raw GET (the URI is sent as written). */
    public static Response check(String rawUri) {
        Response response = given().urlEncodingEnabled(false).when().get(rawUri);
        int status = response.statusCode();
        String body = response.asString();
        if (status >= 500) {
            throw new AssertionError(status + " for GET " + abbreviated(rawUri) + ": " + abbreviated(body));
        }
        if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            throw new AssertionError(status + " without problem+json (" + response.contentType() + ") for GET " + abbreviated(rawUri));
        }
        if (JAVA_NAMES.matcher(body).find()) {
            throw new AssertionError("Java internals in the answer to GET " + abbreviated(rawUri) + ": " + abbreviated(body));
        }
        return response;
    }

    /** A 4xx problem that names {@code field} and shows no Java internals. */
    public static ValidatableResponse refused(ValidatableResponse response, int status, String field) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("io.jjj.")));
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String query(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((k, v) -> pairs.add(k + "=" + v));
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
