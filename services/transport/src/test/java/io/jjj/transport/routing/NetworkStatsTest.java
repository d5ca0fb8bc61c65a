package io.jjj.transport.routing;

import io.jjj.platform.regions.Regions;
import io.jjj.transport.domain.Link;
import io.jjj.transport.domain.Mode;
import io.jjj.transport.domain.Node;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkStatsTest {

    private final Regions regions = new Regions();

    @Test
    void aStationInAXionganCountyCountsForBaodingAndXionganAndOnceForHebeiAndTheCluster() {
        Network net = Network.of(List.of(
                        new Node("XC", "Xiong County", "雄县", "hsr-station", "130638", 116.1, 38.99),
                        new Node("ZZ", "Zhuozhou", "涿州", "hsr-station", "130681", 115.97, 39.49)),
                List.of(new Link("L", "XC", "ZZ", "hsr", "test", new BigDecimal("60"), new BigDecimal("20"),
                        LocalDate.of(2020, 1, 1), null, true, null)));
        Router.Filter filter = new Router.Filter((int) LocalDate.of(2021, 1, 1).toEpochDay(), Mode.ALL);
        Map<String, NetworkStats.Totals> byRegion = NetworkStats.byRegion(net, regions, filter);
        assertEquals(new NetworkStats.Totals(30, 1), byRegion.get("133100"));
        assertEquals(new NetworkStats.Totals(60, 2), byRegion.get("130600"));
        assertEquals(new NetworkStats.Totals(60, 2), byRegion.get("130000"));
        assertEquals(new NetworkStats.Totals(60, 2), NetworkStats.within(net, regions, "JJJ", filter));
        assertEquals(new NetworkStats.Totals(30, 1), NetworkStats.within(net, regions, "TWO-WINGS", filter));
    }
}
