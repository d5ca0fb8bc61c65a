package io.jjj.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @Test
    void upWithoutOptionsRunsInTheForegroundAndBuilds() {
        Cli cli = Cli.parse(List.of("up"));
        assertEquals(Cli.Command.UP, cli.command());
        assertFalse(cli.detach());
        assertFalse(cli.noBuild());
        assertFalse(cli.infraOnly());
    }

    @Test
    void upTakesDetachInBothSpellingsAndTheOtherFlags() {
        assertTrue(Cli.parse(List.of("up", "--detach")).detach());
        assertTrue(Cli.parse(List.of("up", "-d")).detach());
        Cli cli = Cli.parse(List.of("up", "--no-build", "--infra-only"));
        assertTrue(cli.noBuild());
        assertTrue(cli.infraOnly());
        assertFalse(cli.detach());
    }

    @Test
    void downStatusAndHelpAreRecognised() {
        assertEquals(Cli.Command.DOWN, Cli.parse(List.of("down")).command());
        assertEquals(Cli.Command.STATUS, Cli.parse(List.of("status")).command());
        assertEquals(Cli.Command.HELP, Cli.parse(List.of("--help")).command());
        assertEquals(Cli.Command.HELP, Cli.parse(List.of("help")).command());
    }

    @Test
    void downMayPurgeTheData() {
        assertFalse(Cli.parse(List.of("down")).purge());
        assertTrue(Cli.parse(List.of("down", "--purge")).purge());
        assertUsageError(List.of("down", "--force"), "unknown option '--force' for down");
    }

    @Test
    void upAndDownTakeOnePartOfTheSuite() {
        assertEquals("kafka", Cli.parse(List.of("down", "kafka")).part());
        assertEquals("postgres", Cli.parse(List.of("stop", "postgres")).part());
        Cli start = Cli.parse(List.of("up", "gateway"));
        assertEquals(Cli.Command.UP, start.command());
        assertEquals("gateway", start.part());
        assertEquals(null, Cli.parse(List.of("up", "--detach")).part());
        assertUsageError(List.of("down", "zookeeper"), "unknown part 'zookeeper'; the parts are postgres, kafka, indicators");
        assertUsageError(List.of("up", "kafka", "projects"), "one part at a time");
        assertUsageError(List.of("up", "kafka", "--detach"), "without options");
        assertUsageError(List.of("down", "--purge", "postgres"), "without options");
    }

    @Test
    void loadTakesAFileAndOptionsInAnyOrder() {
        Cli cli = Cli.parse(List.of("load", "--partial", "deploy/data/observations.csv", "--idempotency-key", "k-1"));
        assertEquals(Cli.Command.LOAD, cli.command());
        assertEquals("deploy/data/observations.csv", cli.file());
        assertTrue(cli.partial());
        assertEquals("k-1", cli.idempotencyKey());
        assertTrue(cli.toOption().isEmpty());
    }

    @Test
    void loadToOverridesTheEndpointWithOrWithoutEquals() {
        assertEquals("/api/x/feeds", Cli.parse(List.of("load", "f.csv", "--to", "/api/x/feeds")).to());
        assertEquals("/api/transport/feeds/links?mode=partial",
                Cli.parse(List.of("load", "--to=/api/transport/feeds/links?mode=partial", "f.csv")).to());
    }

    @Test
    void mistakesAreUsageErrorsWithExitCodeTwo() {
        assertUsageError(List.of(), "no command");
        assertUsageError(List.of("upp"), "unknown command 'upp'");
        assertUsageError(List.of("up", "--detatch"), "unknown option '--detatch'");
        assertUsageError(List.of("load"), "load needs a file");
        assertUsageError(List.of("load", "a.csv", "b.csv"), "load takes one file");
        assertUsageError(List.of("load", "a.csv", "--to"), "--to needs a value");
        assertUsageError(List.of("load", "a.csv", "--to", "api/x"), "--to takes a path");
        assertUsageError(List.of("status", "now"), "status takes no arguments");
        assertUsageError(List.of("up", "--detach=yes"), "takes no value");
    }

    private static void assertUsageError(List<String> args, String expected) {
        LauncherException e = assertThrows(LauncherException.class, () -> Cli.parse(args));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
        assertTrue(e.getMessage().contains("usage: ./jjj"), "usage is shown");
    }

    @Test
    void testPassesWhatFollowsTheDoubleDashToMaven() {
        Cli plain = Cli.parse(List.of("test"));
        assertEquals(Cli.Command.TEST, plain.command());
        assertFalse(plain.noInstall());
        assertEquals(List.of(), plain.mavenArgs());
        Cli cli = Cli.parse(List.of("test", "--no-install", "--", "-pl", "gateway", "--no-install"));
        assertTrue(cli.noInstall());
        assertEquals(List.of("-pl", "gateway", "--no-install"), cli.mavenArgs());
        assertThrows(LauncherException.class, () -> Cli.parse(List.of("test", "-pl", "gateway")));
    }
}
