package io.jjj.indicators.domain;

import io.jjj.indicators.config.IndicatorsConfig;
import io.jjj.platform.input.TextLimits;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The caps on indicator definitions, from the platform's text limits and this service's unit limit. */
public class IndicatorLimits {

    @Produces
    @Singleton
    IndicatorRules.Limits limits(TextLimits text, IndicatorsConfig config) {
        return new IndicatorRules.Limits(text, config.maxUnitLength());
    }
}
