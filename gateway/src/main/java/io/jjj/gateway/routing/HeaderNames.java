package io.jjj.gateway.routing;

import java.util.Arrays;

/** A small fixed set of header names, checked without lower-casing or allocating: by length, then ignoring case. */
final class HeaderNames {

    private final String[][] byLength;

    HeaderNames(String... names) {
        int longest = Arrays.stream(names).mapToInt(String::length).max().orElse(0);
        this.byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int size = length;
            byLength[length] = Arrays.stream(names).filter(n -> n.length() == size).distinct().toArray(String[]::new);
        }
    }

    /** These names and {@code more}. */
    HeaderNames and(String... more) {
        String[] all = new String[count() + more.length];
        int i = 0;
        for (String[] names : byLength) {
            for (String name : names) {
                all[i++] = name;
            }
        }
        System.arraycopy(more, 0, all, i, more.length);
        return new HeaderNames(all);
    }

    boolean contains(String name) {
        int length = name.length();
        if (length >= byLength.length) {
            return false;
        }
        for (String candidate : byLength[length]) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private int count() {
        return Arrays.stream(byLength).mapToInt(names -> names.length).sum();
    }
}
