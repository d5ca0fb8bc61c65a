package io.jjj.transport.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConvexHullTest {

    @Test
    void theHullKeepsTheCornersCounterClockwiseAndDropsInnerAndCollinearPoints() {
        List<double[]> hull = ConvexHull.of(List.of(new double[] {0, 0}, new double[] {2, 0}, new double[] {1, 0},
                new double[] {2, 2}, new double[] {0, 2}, new double[] {1, 1}, new double[] {0, 0}));
        assertEquals(4, hull.size());
        assertArrayEquals(new double[] {0, 0}, hull.get(0));
        assertArrayEquals(new double[] {2, 0}, hull.get(1));
        assertArrayEquals(new double[] {2, 2}, hull.get(2));
        assertArrayEquals(new double[] {0, 2}, hull.get(3));
    }

    @Test
    void fewOrCollinearPointsHaveNoArea() {
        assertEquals(1, ConvexHull.of(List.of(new double[] {1, 1}, new double[] {1, 1})).size());
        assertEquals(2, ConvexHull.of(List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2})).size());
    }
}
