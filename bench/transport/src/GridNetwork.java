import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Node;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated grid-like dated network: a 250 x 400 grid of nodes about 1 km apart, links to the 4 neighbours and
 * both diagonals, and long "express" links until there are exactly 400,000. Every link has an opening date between
 * 2000 and 2024 and one in ten a closing date; minutes follow the distance at 40-300 km/h by mode.
 */
final class GridNetwork {

    static final int ROWS = 250;
    static final int COLS = 400;
    static final int LINKS = 400_000;
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

    final List<Node> nodes = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    GridNetwork(long seed) {
        Random random = new Random(seed);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                nodes.add(new Node(id(r, c), "G" + r + "/" + c, null, "city", "130000", 114.0 + c * 0.0118, 37.0 + r * 0.009));
            }
        }
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                if (c + 1 < COLS) {
                    add(random, r, c, r, c + 1);
                }
                if (r + 1 < ROWS) {
                    add(random, r, c, r + 1, c);
                }
                if (r + 1 < ROWS && c + 1 < COLS) {
                    add(random, r, c, r + 1, c + 1);
                }
                if (r + 1 < ROWS && c > 0) {
                    add(random, r, c, r + 1, c - 1);
                }
            }
        }
        while (links.size() < LINKS) {
            int r = random.nextInt(ROWS);
            int c = random.nextInt(COLS);
            int r2 = Math.max(0, Math.min(ROWS - 1, r + random.nextInt(41) - 20));
            int c2 = Math.max(0, Math.min(COLS - 1, c + random.nextInt(41) - 20));
            if (r != r2 || c != c2) {
                add(random, r, c, r2, c2);
            }
        }
    }

    static String id(int r, int c) {
        return "G" + (r * COLS + c);
    }

    private void add(Random random, int r, int c, int r2, int c2) {
        Node a = nodes.get(r * COLS + c);
        Node b = nodes.get(r2 * COLS + c2);
        double km = Math.max(0.1, haversineKm(a, b) * (1.05 + random.nextDouble() * 0.2));
        String mode;
        double kmh;
        int pick = random.nextInt(10);
        if (pick < 5) {
            mode = "expressway";
            kmh = 40 + random.nextInt(60);
        } else if (pick < 8) {
            mode = "rail";
            kmh = 60 + random.nextInt(60);
        } else {
            mode = "hsr";
            kmh = 200 + random.nextInt(100);
        }
        LocalDate opened = FIRST.plusDays(random.nextInt(9132));
        LocalDate closed = random.nextInt(10) == 0 ? opened.plusDays(1 + random.nextInt(4000)) : null;
        double minutes = Math.max(0.1, km / kmh * 60);
        links.add(new Link("E" + links.size(), a.id(), b.id(), mode, mode + "-" + (r % 10),
                BigDecimal.valueOf(km).setScale(3, RoundingMode.HALF_UP), BigDecimal.valueOf(minutes).setScale(2, RoundingMode.HALF_UP),
                opened, closed, true, null));
    }

    private static double haversineKm(Node a, Node b) {
        double p1 = Math.toRadians(a.lat());
        double p2 = Math.toRadians(b.lat());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Writes the network as the edge table pgRouting reads: id, source, target, cost, reverse_cost, dates. */
    void writeEdgesCsv(Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < links.size(); i++) {
                Link l = links.get(i);
                out.printf("%d,%s,%s,%s,%s,%s,%s%n", i + 1, l.from().substring(1), l.to().substring(1), l.minutes().toPlainString(),
                        l.minutes().toPlainString(), l.opened(), l.closed() == null ? "" : l.closed().toString());
            }
        }
    }
}
