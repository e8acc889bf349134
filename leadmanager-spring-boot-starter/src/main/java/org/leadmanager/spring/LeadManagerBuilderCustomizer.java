package org.leadmanager.spring;

import org.leadmanager.LeadManagerBuilder;

/**
 * Adjusts the auto-configured {@link org.leadmanager.LeadManager} before it is built, after the starter set the
 * store, the host's ports and the {@code leadmanager.*} settings. Every bean of this type is applied, in
 * {@code @Order}.
 */
@FunctionalInterface
public interface LeadManagerBuilderCustomizer {

    /** @param builder the builder about to build the lead manager */
    void customize(LeadManagerBuilder builder);
}
