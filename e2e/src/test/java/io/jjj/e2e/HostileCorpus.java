package io.jjj.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jjj.e2e.ApiDocument.Body;
import io.jjj.e2e.ApiDocument.Operation;
import io.jjj.e2e.ApiDocument.Param;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded, deterministic corpus of hostile requests, built from the operations of the merged OpenAPI document.
 * Nothing here is random: the same document gives the same requests in the same order.
 */
final class HostileCorpus {

    /** Who a probe claims to be. */
    enum Credential {
        NONE, RANDOM_BEARER, RANDOM_API_KEY, EMPTY_BEARER, TRUNCATED_ADMIN_KEY, MADE_UP_GATEWAY_TOKEN,
        DEVELOPMENT_SECRET_GATEWAY_TOKEN, OUT_OF_SCOPE_KEY, ADMIN_KEY,
        /** A key without the admin scope on an open read: the read is the same, the rate limit is the key's, not the address's. */
        KEY_ON_AN_OPEN_READ
    }

    /** What a correct answer looks like, beyond the rules every answer follows (no 5xx, problem+json 4xx, no leak). */
    enum Expect {
        /** An open read, or a write with its scope: any status the general rules allow. */
        ANY,
        /** Refused for want of a valid credential with the operation's scope: 401 or 403 only. */
        AUTH_REFUSAL,
        /** A bypass form or broken request without the scope: some 4xx, never 2xx or 3xx. */
        CLIENT_ERROR,
        /** A dot-segment form that leaves /api: never a service's own /q endpoint. */
        NOT_A_SERVICE_ENDPOINT
    }

    /** A value for a path or query parameter, already percent-encoded as it goes on the request line. */
    record Value(String inputClass, String raw) {
    }

    record Probe(String category, String inputClass, Operation operation, String method, String target,
                 Credential credential, List<Map.Entry<String, String>> headers, byte[] body, Expect expect,
                 String directService, String canonicalPath) {

        boolean direct() {
            return directService != null;
        }
    }

    static final String DATE_BEYOND_CALENDARS = "date beyond calendars";
    private static final String HOSTILE_MARKER = "__hostile_value__";

    /** Path and query values: NUL and other controls, long unicode, bad escapes, numbers out of range, impossible dates. */
    static final List<Value> PARAMETER_VALUES = List.of(
            new Value("NUL", "%00"),
            new Value("NUL", "a%00b"),
            new Value("control characters", "%01%02%1B%7F"),
            new Value("control characters", "a%0D%0AX-Injected:%201"),
            new Value("control characters", "%C2%85%E2%80%AE%EF%BF%BF"),
            new Value("long unicode", "%E4%BA%AC".repeat(300)),
            new Value("very long unicode", "%F0%9F%98%80".repeat(1200)),
            new Value("bad escape", "%zz"),
            new Value("bad escape", "%"),
            new Value("bad escape", "%E4%BA"),
            new Value("bad escape", "%C0%AE%C0%AE"),
            new Value("bad escape", "%FF%FE"),
            new Value("huge or negative number", "-1"),
            new Value("huge or negative number", "2147483647"),
            new Value("huge or negative number", "2147483648"),
            new Value("huge or negative number", "-2147483649"),
            new Value("huge or negative number", "9223372036854775808"),
            new Value("huge or negative number", "1e309"),
            new Value("NaN or Infinity", "NaN"),
            new Value("NaN or Infinity", "Infinity"),
            new Value("NaN or Infinity", "-Infinity"),
            new Value(DATE_BEYOND_CALENDARS, "%2B5874898-01-01"),
            new Value(DATE_BEYOND_CALENDARS, "-999999999-01-01"),
            new Value(DATE_BEYOND_CALENDARS, "0000-00-00"),
            new Value(DATE_BEYOND_CALENDARS, "9999999999"),
            new Value(DATE_BEYOND_CALENDARS, "2023-02-29"),
            new Value("empty", ""),
            new Value("markup and quotes", "%27%22%3Cscript%3E%60"),
            new Value("dot segments", "..%2F..%2F"));

    /** Header parameter values (If-Match, Idempotency-Key, ...): what a header line can carry. */
    static final List<Value> HEADER_VALUES = List.of(
            new Value("control characters", "a\u0001\u001bb"),
            new Value("long unicode", "\u4eac".repeat(2000)),
            new Value("huge or negative number", "\"99999999999999999999\""),
            new Value("huge or negative number", "W/\"-1\""),
            new Value("empty", ""));

    private final ApiDocument document;
    private final int gatewayPort;
    private final AtomicInteger bodies = new AtomicInteger();

    HostileCorpus(ApiDocument document, int gatewayPort) {
        this.document = document;
        this.gatewayPort = gatewayPort;
    }

    // ---- path bypass forms --------------------------------------------------------------------------------------

    /** The bypass forms of one concrete /api path: label and raw path. */
    List<Map.Entry<String, String>> bypassForms(Operation op, String path) {
        String rest = path.substring("/api/".length());
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash);
        // the prefix of the service the out-of-scope key may write to: a gateway deciding on the raw path checks that scope
        String other = op.service().equals("transport") ? "regions" : "transport";
        return List.of(
                Map.entry("leading //", "/" + path),
                Map.entry("inner //", "/api//" + rest),
                Map.entry("encoded letter", "/api/" + encodeFirstLetter(first) + tail),
                Map.entry("encoded letters", "/api/" + encodeAll(first) + tail),
                Map.entry("encoded letter in api", "/%61pi/" + rest),
                Map.entry("dot-segment via gateway path", "/api/insights/../" + rest),
                Map.entry("dot-segment via other service", "/api/" + other + "/../" + rest),
                Map.entry("single dot", "/api/./" + rest),
                Map.entry("%2e%2e", "/api/insights/%2e%2e/" + rest),
                Map.entry(".%2E", "/api/insights/.%2E/" + rest),
                Map.entry("double-encoded dots", "/api/insights/%252e%252e/" + rest),
                Map.entry("overlong UTF-8 dots", "/api/insights/%c0%ae%c0%ae/" + rest),
                Map.entry(";params on resource", "/api/" + first + ";x=1" + tail),
                Map.entry(";params on last segment", path + ";x=1"),
                Map.entry("%2F", "/api%2F" + rest),
                Map.entry("%5C", "/api%5C" + rest),
                Map.entry("backslash", "/api\\" + rest),
                Map.entry("%00", path + "%00"),
                Map.entry("invalid escape %zz", path + "%zz"),
                Map.entry("truncated escape %", path + "%"),
                Map.entry(".. above the root", "/../" + path.substring(1)),
                Map.entry(".. above the root inside", "/api/../../" + path.substring(1)),
                Map.entry("trailing /.", path + "/."),
                Map.entry("absolute-form target", "http://localhost:" + gatewayPort + path),
                Map.entry("absolute-form target with //", "http://localhost:" + gatewayPort + "/" + path));
    }

    /** Dot-segment forms that climb out of a routed prefix to a service's /q endpoints, and their canonical path. */
    static List<Map.Entry<String, String>> escapeForms() {
        List<Map.Entry<String, String>> forms = new ArrayList<>();
        for (String prefix : List.of("/api/indicators", "/api/observations", "/api/regions", "/api/projects", "/api/transport")) {
            for (String target : List.of("q/metrics", "q/openapi")) {
                forms.add(Map.entry(prefix + "/../../" + target, "/" + target));
                forms.add(Map.entry(prefix + "/%2e%2e/%2e%2e/" + target, "/" + target));
                forms.add(Map.entry(prefix + "/x/../../../" + target, "/" + target));
            }
        }
        return forms;
    }

    // ---- parameters -----------------------------------------------------------------------------------------------

    /** Per parameter of the operation, the hostile values: path and query values on the line, header values as headers. */
    List<Probe> parameterProbes(Operation op, Credential credential) {
        String category = "parameters";
        Expect expect = Expect.ANY;
        List<Probe> probes = new ArrayList<>();
        byte[] body = validBody(op);
        List<Map.Entry<String, String>> contentType = contentTypeOf(op);
        for (Param p : op.params()) {
            switch (p.in()) {
                case "path" -> PARAMETER_VALUES.forEach(v -> probes.add(new Probe(category, v.inputClass(), op, op.method(),
                        op.path(Map.of(p.name(), v.raw())) + op.query(Map.of()), credential, contentType, body, expect, null, null)));
                case "query" -> PARAMETER_VALUES.forEach(v -> probes.add(new Probe(category, v.inputClass(), op, op.method(),
                        op.path(Map.of()) + op.query(Map.of(p.name(), v.raw())), credential, contentType, body, expect, null, null)));
                case "header" -> HEADER_VALUES.forEach(v -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>(contentType);
                    headers.add(Map.entry(p.name(), v.raw()));
                    probes.add(new Probe(category, v.inputClass(), op, op.method(), op.target(), credential, headers, body, expect, null, null));
                });
                default -> {
                }
            }
        }
        return probes;
    }

    // ---- bodies -----------------------------------------------------------------------------------------------------

    record BrokenBody(String inputClass, String contentType, byte[] bytes) {
    }

    /**
     * A body that follows the operation's first media type. Names and refs are made unique per call, so that a copy
     * accepted by mistake makes no conflict for the next one and no two probes race for one name.
     */
    byte[] validBody(Operation op) {
        if (op.bodies().isEmpty()) {
            return null;
        }
        Body body = op.bodies().get(0);
        if (!body.json()) {
            return (body.example() == null ? "" : body.example()).getBytes(StandardCharsets.UTF_8);
        }
        return validJson(op).toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode validJson(Operation op) {
        JsonNode valid = document.validBody(op.bodies().get(0).schema());
        ObjectNode object = valid instanceof ObjectNode o ? o : Http.JSON.createObjectNode();
        for (String unique : List.of("name", "ref")) {
            if (object.has(unique)) {
                object.put(unique, object.get(unique).asText() + "-hostile-" + bodies.incrementAndGet());
            }
        }
        return object;
    }

    static List<Map.Entry<String, String>> contentTypeOf(Operation op) {
        return op.bodies().isEmpty() ? List.of() : List.of(Map.entry("Content-Type", op.bodies().get(0).mediaType()));
    }

    /** Broken versions of the operation's body: wrong content types, malformed, oversized, and hostile field values. */
    List<BrokenBody> brokenBodies(Operation op) {
        Body body = op.bodies().get(0);
        List<BrokenBody> broken = new ArrayList<>();
        broken.add(new BrokenBody("wrong content type", "text/plain", validBody(op)));
        broken.add(new BrokenBody("wrong content type", "application/xml", "<project><ref>x</ref></project>".getBytes(StandardCharsets.UTF_8)));
        broken.add(new BrokenBody("wrong content type", "application/x-www-form-urlencoded", "name=x&scopes=admin".getBytes(StandardCharsets.UTF_8)));
        broken.add(new BrokenBody("wrong content type", "multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8)));
        broken.add(new BrokenBody("wrong content type", body.mediaType() + "; charset=UTF-7", validBody(op)));
        broken.add(new BrokenBody("wrong content type", "", validBody(op)));
        broken.add(new BrokenBody("oversized body", body.mediaType(), oversized(body, validBody(op))));
        broken.add(new BrokenBody("malformed body", body.mediaType(), new byte[0]));
        byte[] half = validBody(op);
        broken.add(new BrokenBody("malformed body", body.mediaType(), java.util.Arrays.copyOf(half, half.length / 2)));
        broken.add(new BrokenBody("malformed body", body.mediaType(), new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        broken.add(new BrokenBody("malformed body", body.mediaType(), ("\uFEFF" + new String(validBody(op), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        if (body.json()) {
            for (String malformed : List.of("{", "{\"a\":", "[]", "null", "\"x\"", "{}", "{\"a\":1}{", "NaN", "[" .repeat(5000) + "]".repeat(5000),
                    "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001))) {
                broken.add(new BrokenBody("malformed body", body.mediaType(), malformed.getBytes(StandardCharsets.UTF_8)));
            }
            JsonNode schema = document.resolve(body.schema());
            fieldBreakers(op, schema, "", broken, body.mediaType());
        } else {
            feedBreakers(body, broken);
        }
        return broken;
    }

    private static byte[] oversized(Body body, byte[] valid) {
        int size = 1024 * 1024 + 64 * 1024;
        if (body.json()) {
            String padded = "{\"padding\":\"" + "x".repeat(size) + "\"," + new String(valid, StandardCharsets.UTF_8).substring(1);
            return padded.getBytes(StandardCharsets.UTF_8);
        }
        String text = new String(valid, StandardCharsets.UTF_8);
        String header = text.lines().findFirst().orElse("a");
        return (header + "\n" + "x".repeat(size) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** For every property (nested objects too): the valid body with that one property replaced by hostile values of its type. */
    private void fieldBreakers(Operation op, JsonNode schema, String prefix, List<BrokenBody> broken, String mediaType) {
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
            Map.Entry<String, JsonNode> prop = props.next();
            String type = document.typeOf(prop.getValue());
            List<String[]> values = new ArrayList<>();
            switch (type) {
                case "integer", "number" -> {
                    values.add(new String[]{"huge or negative number", "1e400"});
                    values.add(new String[]{"huge or negative number", "-1"});
                    values.add(new String[]{"huge or negative number", "-1.7976931348623157e308"});
                    values.add(new String[]{"huge or negative number", "9223372036854775808"});
                    values.add(new String[]{"NaN or Infinity", "NaN"});
                    values.add(new String[]{"NaN or Infinity", "-Infinity"});
                    values.add(new String[]{"NaN or Infinity", "\"NaN\""});
                }
                case "object" -> {
                    fieldBreakers(op, document.resolve(prop.getValue()), prefix + prop.getKey() + ".", broken, mediaType);
                    values.add(new String[]{"wrong type", "\"x\""});
                }
                case "array" -> {
                    values.add(new String[]{"wrong type", "[null]"});
                    values.add(new String[]{"NUL", "[\"a\\u0000b\"]"});
                    values.add(new String[]{"long unicode", "[" + ("\"\u4eac\",".repeat(20000)) + "\"x\"]"});
                }
                case "boolean" -> values.add(new String[]{"wrong type", "\"yes\""});
                default -> {
                    values.add(new String[]{"NUL", "\"a\\u0000b\""});
                    values.add(new String[]{"control characters", "\"\\u0001\\u001b\\u007f\\r\\n\""});
                    values.add(new String[]{"long unicode", "\"" + "\u4eac".repeat(20000) + "\""});
                    values.add(new String[]{"wrong type", "{\"a\":1}"});
                    if (document.dateLike(prop.getValue())) {
                        values.add(new String[]{DATE_BEYOND_CALENDARS, "\"+5874898-01-01\""});
                        values.add(new String[]{DATE_BEYOND_CALENDARS, "\"0000-00-00\""});
                        values.add(new String[]{DATE_BEYOND_CALENDARS, "\"9999999999\""});
                        values.add(new String[]{DATE_BEYOND_CALENDARS, "\"-999999999-01-01\""});
                    }
                }
            }
            for (String[] value : values) {
                broken.add(new BrokenBody(value[0], mediaType, withField(validJson(op), prefix + prop.getKey(), value[1]).getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    /** The valid body with one (dotted) property replaced by raw JSON, which may be invalid JSON on purpose. */
    private static String withField(ObjectNode valid, String dottedPath, String rawJson) {
        ObjectNode root = valid.deepCopy();
        String[] parts = dottedPath.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.path(parts[i]);
            if (!next.isObject()) {
                next = at.putObject(parts[i]);
            }
            at = (ObjectNode) next;
        }
        at.put(parts[parts.length - 1], HOSTILE_MARKER);
        return root.toString().replace("\"" + HOSTILE_MARKER + "\"", rawJson);
    }

    /** Feed files: every column of the example row replaced by hostile values, and whole-file breakage. */
    private static void feedBreakers(Body body, List<BrokenBody> broken) {
        String type = body.mediaType();
        String example = body.example() == null ? "" : body.example();
        if (type.equals("text/csv")) {
            List<String> lines = example.lines().toList();
            String header = lines.isEmpty() ? "a" : lines.get(0);
            String row = lines.size() > 1 ? lines.get(1) : "x";
            String[] cells = row.split(",", -1);
            List<String[]> hostile = List.of(
                    new String[]{"NUL", "a\u0000b"},
                    new String[]{"control characters", "\u0001\u001b\u007f"},
                    new String[]{"long unicode", "\u4eac".repeat(20000)},
                    new String[]{"huge or negative number", "1e400"},
                    new String[]{"huge or negative number", "-1"},
                    new String[]{"NaN or Infinity", "NaN"},
                    new String[]{"NaN or Infinity", "Infinity"},
                    new String[]{DATE_BEYOND_CALENDARS, "+5874898-01-01"},
                    new String[]{DATE_BEYOND_CALENDARS, "0000-00-00"},
                    new String[]{DATE_BEYOND_CALENDARS, "9999999999"},
                    new String[]{"malformed body", "\"unterminated"});
            for (int column = 0; column < cells.length; column++) {
                for (String[] h : hostile) {
                    String[] changed = cells.clone();
                    changed[column] = h[1];
                    broken.add(new BrokenBody(h[0], type, (header + "\n" + String.join(",", changed) + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            }
            StringBuilder wide = new StringBuilder(header);
            for (int i = 0; i < 2000; i++) {
                wide.append(",unknown_column_").append(i);
            }
            broken.add(new BrokenBody("malformed body", type, (wide + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8)));
            broken.add(new BrokenBody("malformed body", type, (header + "\r" + row + "\r").getBytes(StandardCharsets.UTF_8)));
            broken.add(new BrokenBody("malformed body", type, (header + "\n" + row + "," + ",".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8)));
            broken.add(new BrokenBody("malformed body", type, (header + "\n").getBytes(StandardCharsets.UTF_8)));
        } else {
            for (String line : List.of("{", "[1,2]", "null", "{\"id\":\"a\\u0000b\"}", "{\"value\":NaN}", "{\"value\":1e400}",
                    "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001))) {
                broken.add(new BrokenBody("malformed body", type, (line + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private static String encodeFirstLetter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                return segment.substring(0, i) + String.format("%%%02x", (int) c) + segment.substring(i + 1);
            }
        }
        return segment;
    }

    private static String encodeAll(String segment) {
        StringBuilder out = new StringBuilder();
        for (char c : segment.toCharArray()) {
            out.append(c < 128 && Character.isLetterOrDigit(c) ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
