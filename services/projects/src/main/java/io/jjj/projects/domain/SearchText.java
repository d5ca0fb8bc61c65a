package io.jjj.projects.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Full-text search over names and organisations with PostgreSQL's {@code simple} configuration. Chinese has no
 * spaces between words, so Han characters are indexed one by one and a Chinese query matches them as a phrase;
 * Latin words match by prefix ({@code univ} finds {@code University}).
 */
public final class SearchText {

    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** The text the index is built from. */
    public static String of(Project p) {
        return Stream.concat(Stream.of(p.nameEn(), p.nameZh(), p.ref()), p.organisations().stream())
                .filter(s -> s != null)
                .map(SearchText::separateHan)
                .collect(Collectors.joining(" "));
    }

    /** A {@code to_tsquery('simple', …)} expression for what a user typed, or null when it has no word in it. */
    public static String query(String q) {
        List<String> parts = new ArrayList<>();
        StringBuilder han = new StringBuilder();
        Matcher m = TOKEN.matcher(q.toLowerCase());
        while (m.find()) {
            String t = m.group();
            if (t.codePointCount(0, t.length()) == 1 && Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN) {
                han.append(han.isEmpty() ? "" : " <-> ").append(t);
            } else {
                flush(han, parts);
                parts.add(t + ":*");
            }
        }
        flush(han, parts);
        return parts.isEmpty() ? null : String.join(" & ", parts);
    }

    private static void flush(StringBuilder han, List<String> parts) {
        if (!han.isEmpty()) {
            parts.add("(" + han + ")");
            han.setLength(0);
        }
    }

    private static String separateHan(String s) {
        return s.replaceAll("(\\p{IsHan})", " $1 ");
    }
}
