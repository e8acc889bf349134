package org.leadmanager.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.leadmanager.tck.MutableClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A test clock and a meter registry, for the background jobs' tests. */
@Configuration(proxyBeanMethods = false)
class ClockAndMeters {
    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
