package io.jjj.projects.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SearchTextTest {

    @Test
    void latinWordsMatchByPrefixAndAllMustMatch() {
        assertEquals("forestry:* & univ:*", SearchText.query("Forestry univ"));
    }

    @Test
    void chineseIsMatchedAsAPhraseOfCharacters() {
        assertEquals("(首 <-> 钢) & steel:*", SearchText.query("首钢 steel"));
    }

    @Test
    void operatorsAndPunctuationCannotBreakTheQuery() {
        assertEquals("a:* & b:*", SearchText.query("a & !b:*)"));
        assertNull(SearchText.query("!!! ()"));
    }
}
