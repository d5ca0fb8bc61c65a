import io.jjj.gateway.routing.CanonicalPath;
import io.jjj.gateway.routing.PolicyTable;
import io.vertx.core.http.HttpMethod;

import java.util.Arrays;

/**
 * What the edge adds per request before forwarding: the canonical path and the policy decision, on a mix of ordinary
 * and hostile paths. Prints nanoseconds per request for each of {@code ROUNDS} rounds, then the median and spread.
 */
public final class EdgeDecisionBench {

    private static final String[] PATHS = {
            "/api/regions/110000", "/api/observations", "/api/projects/P-000123", "/api/transport/routes",
            "/api/projects/P-000123/status", "/api/indicators/va.tertiary.share", "//api/regions/110000",
            "/api/%70rojects/P-1", "/api/insights/../regions/110000/profile", "/api/transport/nodes/BJS",
            "/api/keys", "/swagger-ui/index.html"};
    private static final int ROUNDS = 15;
    private static final int PER_ROUND = 2_000_000;

    public static void main(String[] args) throws Exception {
        PolicyTable table = new PolicyTable();
        long sink = 0;
        for (int i = 0; i < PER_ROUND; i++) {
            sink += decide(table, PATHS[i % PATHS.length]);
        }
        double[] nanos = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink += decide(table, PATHS[i % PATHS.length]);
            }
            nanos[r] = (System.nanoTime() - t0) / (double) PER_ROUND;
            System.out.printf("round %2d: %.1f ns per request%n", r + 1, nanos[r]);
        }
        Arrays.sort(nanos);
        System.out.printf("canonical path + policy decision: median %.1f ns, min %.1f, max %.1f (%d rounds of %,d; sink %d)%n",
                nanos[ROUNDS / 2], nanos[0], nanos[ROUNDS - 1], ROUNDS, PER_ROUND, sink);
    }

    private static int decide(PolicyTable table, String raw) throws CanonicalPath.Refused {
        String path = CanonicalPath.of(raw);
        return table.decide(HttpMethod.GET, path) instanceof PolicyTable.Allowed ? path.length() : 0;
    }
}
