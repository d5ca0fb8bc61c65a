package io.jjj.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether the HTTP layer may compress is read from Accept-Encoding as its compressor reads it. */
class ContentCodingTest {

    @Test
    void anyCodingTheCompressorKnowsWithAWeightAboveZeroMayBeUsed() {
        for (String accepted : new String[] {"gzip", "deflate", "br", "gzip, deflate, br", "*", "identity, gzip;q=0.5"}) {
            assertTrue(ConditionalReads.mayCompress(accepted), accepted);
        }
    }

    @Test
    void noneIsUsedWhenNothingTheCompressorKnowsIsAccepted() {
        for (String refused : new String[] {"", "identity", "gzip;q=0, identity", "gzip;q=abc", "*;q=0", "compress"}) {
            assertFalse(ConditionalReads.mayCompress(refused), refused);
        }
        assertFalse(ConditionalReads.mayCompress(null));
    }
}
