package io.jjj.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void blocksContainTheirAddressesOnly() {
        Cidr tenEight = Cidr.parse("10.0.0.0/8");
        assertTrue(tenEight.contains("10.255.1.2"));
        assertFalse(tenEight.contains("11.0.0.1"));
        assertFalse(tenEight.contains("::1"));
        assertTrue(Cidr.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
        assertTrue(Cidr.parse("192.168.1.7").contains("192.168.1.7"));
        assertFalse(Cidr.parse("192.168.1.7").contains("192.168.1.8"));
        assertTrue(Cidr.parse("172.16.0.0/12").contains("172.31.255.255"));
        assertFalse(Cidr.parse("172.16.0.0/12").contains("172.32.0.0"));
    }

    @Test
    void namesAndBadPrefixesAreNotBlocks() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertFalse(Cidr.parse("127.0.0.1/32").contains("example.org"));
    }
}
