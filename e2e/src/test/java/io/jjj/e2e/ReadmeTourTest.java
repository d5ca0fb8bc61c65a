package io.jjj.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every command of the README's Tour, as written, against the suite (only the gateway's address differs),
 * so the README cannot rot. Each step names what its output must contain.
 */
@Order(2)
class ReadmeTourTest {

    /** What each Tour step's output must contain, in the order of the README. */
    static final List<String> EXPECTED = List.of(
            "<title>Jing-Jin-Ji Observatory",
            "\"value\":-28.8",
            "indicator,region",
            "\"minutes\":59",
            "\"type\":\"FeatureCollection\"",
            "\"matrix\"",
            "\"complete\":true",
            "",
            "\"unchanged\":",
            "\"status\":422",
            "<title>");

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    static List<String> tourCommands() throws IOException {
        String readme = Files.readString(suite.root.resolve("README.md"));
        int start = readme.indexOf("\n## Tour");
        assertTrue(start >= 0, "the README has a Tour section");
        int end = readme.indexOf("\n## ", start + 1);
        String tour = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> commands = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(tour);
        while (m.find()) {
            commands.add(m.group(1).trim());
        }
        return commands;
    }

    @Test
    void everyTourCommandWorksAsWritten() throws IOException {
        List<String> commands = tourCommands();
        assertEquals(EXPECTED.size(), commands.size(), "eleven commands, each with its expectation here");
        for (int i = 0; i < commands.size(); i++) {
            String command = commands.get(i).replace("localhost:8080", "localhost:" + suite.gatewayPort);
            Suite.Result result = suite.run(List.of("bash", "-c", command), Map.of("JJJ_ADMIN_KEY", suite.adminKey));
            boolean streamEnded = command.contains("--max-time") && result.exit() == 28;
            assertTrue(result.exit() == 0 || streamEnded, "step " + (i + 1) + " exits cleanly: " + command + "\n" + result.output());
            assertTrue(result.output().replace(" ", "").contains(EXPECTED.get(i).replace(" ", "")),
                    "step " + (i + 1) + " output contains " + EXPECTED.get(i) + ":\n" + command + "\n" + result.output());
        }
    }
}
