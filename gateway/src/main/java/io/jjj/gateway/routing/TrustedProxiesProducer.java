package io.jjj.gateway.routing;

import io.jjj.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

class TrustedProxiesProducer {

    @Produces
    @Singleton
    TrustedProxies trustedProxies(GatewayConfig config) {
        return new TrustedProxies(config.trustedProxies().orElse(List.of()));
    }
}
