package io.jjj.indicators.domain;

import io.jjj.platform.problem.ProblemException;

import java.util.Optional;

/** Interim If-Match check until the platform's conditional writes are merged. */
final class IfMatch {

    private IfMatch() {
    }

    static void check(String ifMatch, Optional<Integer> current, String what, String path) {
        if (ifMatch == null) {
            if (current.isPresent()) {
                throw ProblemException.preconditionRequired("Changing " + what + " needs If-Match with the ETag from GET " + path);
            }
            return;
        }
        if (current.isEmpty()) {
            throw ProblemException.preconditionFailed(what + " does not exist, so If-Match cannot match");
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals("\"" + current.get() + "\"")) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(what + " changed since that ETag was read");
    }
}
