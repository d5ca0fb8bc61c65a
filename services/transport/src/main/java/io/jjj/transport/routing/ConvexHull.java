package io.jjj.transport.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Andrew's monotone chain: the convex hull of points, counter-clockwise, without collinear points. */
public final class ConvexHull {

    private ConvexHull() {
    }

    /** Points are {@code {x, y}}; a hull of fewer than three points is the distinct points themselves. */
    public static List<double[]> of(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> distinct = new ArrayList<>();
        for (double[] p : sorted) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1)[0] != p[0] || distinct.get(distinct.size() - 1)[1] != p[1]) {
                distinct.add(p);
            }
        }
        if (distinct.size() < 3) {
            return distinct;
        }
        double[][] hull = new double[2 * distinct.size()][];
        int k = 0;
        for (double[] p : distinct) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        for (int i = distinct.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] p = distinct.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) {
            result.add(hull[i]);
        }
        return result;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
