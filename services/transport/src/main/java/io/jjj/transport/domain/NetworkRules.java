package io.jjj.transport.domain;

import io.jjj.platform.input.TextLimits;
import io.jjj.platform.problem.FieldError;
import io.jjj.platform.regions.Regions;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What makes a node or a link valid, shared by PUT and the feeds; field names are the feed's column names. */
@ApplicationScoped
public class NetworkRules {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.]{1,40}");
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,120}");
    private static final BigDecimal MAX_MINUTES = BigDecimal.valueOf(100_000);
    /** Farther than any line on Earth, and far inside the column's numeric(10, 3). */
    private static final BigDecimal MAX_DISTANCE_KM = BigDecimal.valueOf(100_000);

    private final Regions regions;
    private final TextLimits limits;

    public NetworkRules(Regions regions, TextLimits limits) {
        this.regions = regions;
        this.limits = limits;
    }

    public List<FieldError> node(Node n) {
        List<FieldError> errors = new ArrayList<>();
        if (n.id() == null || !NODE_ID.matcher(n.id()).matches()) {
            errors.add(FieldError.field("id", "1 to 40 letters, digits, '_' or '.', was '" + n.id() + "'"));
        }
        if (n.nameEn() == null || n.nameEn().isBlank()) {
            errors.add(FieldError.field("name_en", "required"));
        }
        name("name_en", n.nameEn(), errors);
        name("name_zh", n.nameZh(), errors);
        if (n.kind() == null || NodeKind.parse(n.kind()).isEmpty()) {
            errors.add(FieldError.field("kind", "one of " + NodeKind.allowed() + ", was '" + n.kind() + "'"));
        }
        if (n.region() == null || !regions.isRegion(n.region())) {
            errors.add(FieldError.field("region", "unknown region '" + n.region() + "' (a GB/T 2260 code such as 130600)"));
        }
        if (!(n.lon() >= -180 && n.lon() <= 180)) {
            errors.add(FieldError.field("lon", "between -180 and 180, was " + n.lon()));
        }
        if (!(n.lat() >= -90 && n.lat() <= 90)) {
            errors.add(FieldError.field("lat", "between -90 and 90, was " + n.lat()));
        }
        return errors;
    }

    /** Checks a link; {@code nodeExists} answers whether an end is a known node. */
    public List<FieldError> link(Link l, Predicate<String> nodeExists) {
        List<FieldError> errors = new ArrayList<>();
        if (l.id() == null || !LINK_ID.matcher(l.id()).matches()) {
            errors.add(FieldError.field("id", "1 to 120 letters, digits, '_', '.' or '-', was '" + l.id() + "'"));
        }
        if (l.from() == null) {
            errors.add(FieldError.field("from", "required"));
        } else if (!nodeExists.test(l.from())) {
            errors.add(FieldError.field("from", "unknown node '" + l.from() + "'"));
        }
        if (l.to() == null) {
            errors.add(FieldError.field("to", "required"));
        } else if (!nodeExists.test(l.to())) {
            errors.add(FieldError.field("to", "unknown node '" + l.to() + "'"));
        }
        if (l.from() != null && l.from().equals(l.to())) {
            errors.add(FieldError.field("to", "a link cannot join '" + l.from() + "' to itself"));
        }
        if (l.mode() == null || Mode.parse(l.mode()).isEmpty()) {
            errors.add(FieldError.field("mode", "one of " + Mode.allowed() + ", was '" + l.mode() + "'"));
        }
        if (l.distanceKm() == null) {
            errors.add(FieldError.field("distance_km", "required"));
        } else if (l.distanceKm().signum() < 0) {
            errors.add(FieldError.field("distance_km", "must not be negative, was " + l.distanceKm()));
        } else if (l.distanceKm().compareTo(MAX_DISTANCE_KM) > 0) {
            errors.add(FieldError.field("distance_km", "at most " + MAX_DISTANCE_KM + ", was " + l.distanceKm()));
        }
        name("line", l.line(), errors);
        name("source", l.source(), errors);
        if (l.minutes() == null) {
            errors.add(FieldError.field("minutes", "required"));
        } else if (l.minutes().signum() <= 0) {
            errors.add(FieldError.field("minutes", "must be more than 0, was " + l.minutes()));
        } else if (l.minutes().compareTo(MAX_MINUTES) > 0) {
            errors.add(FieldError.field("minutes", "at most " + MAX_MINUTES + ", was " + l.minutes()));
        }
        if (l.opened() == null) {
            errors.add(FieldError.field("opened", "required"));
        } else if (l.closed() != null && !l.closed().isAfter(l.opened())) {
            errors.add(FieldError.field("closed", "must be after opened (" + l.opened() + "), was " + l.closed()));
        }
        return errors;
    }

    private void name(String field, String value, List<FieldError> errors) {
        limits.name(value).ifPresent(why -> errors.add(FieldError.field(field, why)));
    }
}
