package io.jjj.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalPathTest {

    @Test
    void decodesUnreservedEscapesResolvesDotSegmentsAndMergesSlashes() throws Exception {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("/api/keys", "/api/keys"),
                Map.entry("//api/keys", "/api/keys"),
                Map.entry("/api//keys", "/api/keys"),
                Map.entry("/api/%6beys", "/api/keys"),
                Map.entry("/%61pi/keys", "/api/keys"),
                Map.entry("/api/insights/../keys", "/api/keys"),
                Map.entry("/api/./keys", "/api/keys"),
                Map.entry("/api/projects/%2e%2e/keys", "/api/keys"),
                Map.entry("/api/projects/../../q/metrics", "/q/metrics"),
                Map.entry("/api/projects/feeds/../P-1", "/api/projects/P-1"),
                Map.entry("/swagger-ui/", "/swagger-ui/"),
                Map.entry("/api/keys/", "/api/keys/"),
                Map.entry("/api/projects/..", "/api/"),
                Map.entry("/", "/"),
                Map.entry("/api/regions/%e5%8c%97", "/api/regions/%E5%8C%97"),
                Map.entry("/api/x%20y", "/api/x%20y"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), CanonicalPath.of(c.getKey()), c.getKey());
        }
    }

    @Test
    void refusesWhatTwoComponentsCouldReadTwoWays() {
        for (String ambiguous : new String[]{"/api/keys;x=1", "/api/keys%2Fx", "/api/keys%2fx", "/api/keys%5Cx", "/api\\keys",
                "/api/keys%00", "/api/keys%0a", "/api/keys%", "/api/keys%zz", "/api/keys%4", "/..", "/api/../../keys",
                "/api/ke ys", "/api/keys\u0000", "/api/ключ", "api/keys", "", "/api/keys<script>", "/api/{id}"}) {
            CanonicalPath.Refused refused = assertThrows(CanonicalPath.Refused.class, () -> CanonicalPath.of(ambiguous), ambiguous);
            assertTrue(refused.getMessage().startsWith("The path"), refused.getMessage());
        }
    }

    @Test
    void theCanonicalFormIsAFixedPointAndNeverHoldsADotSegmentOrEmptySegment() throws Exception {
        String[] alphabet = {"a", "b", "%61", "%2e", ".", "..", "/", "//", "%7E", "~", "%41", "-"};
        Random random = new Random(42);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder("/");
            for (int j = random.nextInt(10); j >= 0; j--) {
                raw.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String canonical;
            try {
                canonical = CanonicalPath.of(raw.toString());
            } catch (CanonicalPath.Refused refused) {
                assertTrue(refused.getMessage().contains("above the root"), raw + ": " + refused.getMessage());
                continue;
            }
            checked++;
            assertEquals(canonical, CanonicalPath.of(canonical), raw.toString());
            assertTrue(!canonical.contains("//") && !canonical.contains("%2e") && !canonical.contains("%61"), raw + " -> " + canonical);
            for (String segment : canonical.substring(1).split("/")) {
                assertTrue(!segment.equals(".") && !segment.equals(".."), raw + " -> " + canonical);
            }
        }
        assertTrue(checked > 10_000, "most random paths are valid: " + checked);
    }

    @Test
    void queriesWithControlCharactersOrBadEscapesAreRefused() throws Exception {
        CanonicalPath.checkQuery("indicator=gdp&region=110000,JJJ&q=%E5%8C%97%20x");
        CanonicalPath.checkQuery(null);
        for (String bad : new String[]{"sector=%00", "q=a%0Ab", "x=%zz", "x=%", "x=\u0001"}) {
            assertThrows(CanonicalPath.Refused.class, () -> CanonicalPath.checkQuery(bad), bad);
        }
    }
}
