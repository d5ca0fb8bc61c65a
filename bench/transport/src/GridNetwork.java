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
 * A generated grid-like dated network: a grid of nodes about 1 km apart (250 x 400 in the full bench), links to the
 * 4 neighbours and both diagonals, and long "express" links until there are exactly as many as asked (400,000).
 * Every link has an opening date between 2000 and 2024 and one in ten a closing date; minutes follow the distance at
 * 40-300 km/h by mode.
 */
final class GridNetwork {

    final int rows;
    final int cols;
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);

    final List<Node> nodes = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    GridNetwork(long seed, int rows, int cols, int linkCount) {
        this.rows = rows;
        this.cols = cols;
        Random random = new Random(seed);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                nodes.add(new Node(id(r, c), "G" + r + "/" + c, null, "city", "130000", 114.0 + c * 0.0118, 37.0 + r * 0.009));
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (c + 1 < cols) {
                    add(random, r, c, r, c + 1);
                }
                if (r + 1 < rows) {
                    add(random, r, c, r + 1, c);
                }
                if (r + 1 < rows && c + 1 < cols) {
                    add(random, r, c, r + 1, c + 1);
                }
                if (r + 1 < rows && c > 0) {
                    add(random, r, c, r + 1, c - 1);
                }
            }
        }
        while (links.size() < linkCount) {
            int r = random.nextInt(rows);
            int c = random.nextInt(cols);
            int r2 = Math.max(0, Math.min(rows - 1, r + random.nextInt(41) - 20));
            int c2 = Math.max(0, Math.min(cols - 1, c + random.nextInt(41) - 20));
            if (r != r2 || c != c2) {
                add(random, r, c, r2, c2);
            }
        }
    }

    String id(int r, int c) {
        return "G" + (r * cols + c);
    }

    private void add(Random random, int r, int c, int r2, int c2) {
        Node a = nodes.get(r * cols + c);
        Node b = nodes.get(r2 * cols + c2);
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

    /** Writes the network as the service's feed files, for the HTTP part of the bench. */
    void writeFeeds(Path dir) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("grid-nodes.csv")))) {
            out.println("id,name_en,kind,region,lon,lat");
            for (Node n : nodes) {
                out.printf(java.util.Locale.ROOT, "%s,%s,%s,%s,%.6f,%.6f%n", n.id(), n.nameEn(), n.kind(), n.region(), n.lon(), n.lat());
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("grid-links.csv")))) {
            out.println("id,from,to,mode,line,distance_km,minutes,opened,closed,bidirectional,source");
            for (Link l : links) {
                out.printf("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,bench%n", l.id(), l.from(), l.to(), l.mode(), l.line(),
                        l.distanceKm().toPlainString(), l.minutes().toPlainString(), l.opened(),
                        l.closed() == null ? "" : l.closed().toString(), l.bidirectional());
            }
        }
    }
}
