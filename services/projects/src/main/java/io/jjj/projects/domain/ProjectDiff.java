package io.jjj.projects.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What changed between two states of a project, field by field as the API names them: {@code field → {from, to}}. */
public final class ProjectDiff {

    private static final Set<String> BOOKKEEPING = Set.of("id", "version");

    private ProjectDiff() {
    }

    public static Map<String, Object> between(Project before, Project after) {
        ObjectNode a = before == null ? ProjectJson.JSON.createObjectNode() : ProjectJson.JSON.valueToTree(before);
        ObjectNode b = ProjectJson.JSON.valueToTree(after);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (BOOKKEEPING.contains(name)) {
                continue;
            }
            JsonNode from = a.path(name);
            JsonNode to = b.get(name);
            if (!same(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from.isMissingNode() || from.isNull() ? null : from);
                change.put("to", to.isNull() ? null : to);
                changes.put(name, change);
            }
        }
        return changes;
    }

    /** Equal JSON, with numbers compared by value ({@code 176} equals {@code 176.0}). */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isMissingNode() || a.isNull();
        boolean bEmpty = b == null || b.isMissingNode() || b.isNull();
        if (aEmpty || bEmpty) {
            return aEmpty == bEmpty;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!same(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
