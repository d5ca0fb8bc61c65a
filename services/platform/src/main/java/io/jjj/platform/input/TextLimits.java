package io.jjj.platform.input;

import io.jjj.platform.config.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Optional;

/** The configured caps on free text ({@code jjj.text.*}): why a name or a text is too long, if it is. */
@Singleton
public class TextLimits {

    private final int maxName;
    private final int maxText;

    @Inject
    public TextLimits(PlatformConfig config) {
        this(config.text().maxNameLength(), config.text().maxTextLength());
    }

    public TextLimits(int maxName, int maxText) {
        this.maxName = maxName;
        this.maxText = maxText;
    }

    /** A name, title, reference or other one-line label. */
    public Optional<String> name(String value) {
        return over(value, maxName);
    }

    /** A description, note or other prose. */
    public Optional<String> text(String value) {
        return over(value, maxText);
    }

    private static Optional<String> over(String value, int max) {
        return value != null && value.length() > max
                ? Optional.of("at most " + max + " characters, was " + value.length())
                : Optional.empty();
    }
}
