package io.jjj.projects.domain;

import io.jjj.platform.events.EventPublisher;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The events of {@code docs/events.md}, each carrying the project's full state. */
public final class ProjectEvents {

    public static final String REGISTERED = "jjj.projects.project.registered.v1";
    public static final String UPDATED = "jjj.projects.project.updated.v1";
    public static final String STATUS_CHANGED = "jjj.projects.project.status-changed.v1";

    private ProjectEvents() {
    }

    public static EventPublisher.Draft registered(Project p) {
        return new EventPublisher.Draft(REGISTERED, p.id(), state(p));
    }

    public static EventPublisher.Draft updated(Project p) {
        return new EventPublisher.Draft(UPDATED, p.id(), state(p));
    }

    public static EventPublisher.Draft statusChanged(Project p, String previousStatus, LocalDate effective, String note) {
        Map<String, Object> data = state(p);
        data.put("previousStatus", previousStatus);
        data.put("effective", effective);
        data.put("note", note);
        return new EventPublisher.Draft(STATUS_CHANGED, p.id(), data);
    }

    static Map<String, Object> state(Project p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", p.id());
        data.put("ref", p.ref());
        data.put("nameEn", p.nameEn());
        data.put("nameZh", p.nameZh());
        data.put("kind", p.kind());
        data.put("sector", p.sector());
        data.put("chain", p.chain());
        data.put("origin", p.origin());
        data.put("destination", p.destination());
        data.put("status", p.status());
        data.put("signed", p.signed());
        data.put("signedYear", p.signedYear());
        data.put("operational", p.operational());
        Map<String, Object> investment = null;
        if (p.investment() != null) {
            investment = new LinkedHashMap<>();
            investment.put("amount", p.investment().amount());
            investment.put("currency", p.investment().currency());
            investment.put("basis", p.investment().basis());
        }
        data.put("investment", investment);
        data.put("investmentCny100m", p.investmentCny100m());
        data.put("jobs", p.jobs());
        return data;
    }
}
