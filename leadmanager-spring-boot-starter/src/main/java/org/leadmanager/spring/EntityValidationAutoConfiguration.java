package org.leadmanager.spring;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The core brings Hibernate Validator (with its parameter interpolator, which needs no expression language). Without
 * an expression-language implementation on the class path, Hibernate's automatic Bean Validation of entities cannot
 * start (HV000183), and could validate nothing there anyway: it is switched off unless the host set
 * {@code jakarta.persistence.validation.mode} itself. Applies whether or not the lead manager is enabled, since the
 * validator is on the class path either way.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({EntityManagerFactory.class, HibernatePropertiesCustomizer.class})
@ConditionalOnMissingClass("jakarta.el.ExpressionFactory")
public final class EntityValidationAutoConfiguration {

    /** {@code jakarta.persistence.validation.mode=none} unless set. */
    @Bean
    HibernatePropertiesCustomizer leadManagerEntityValidationMode() {
        return properties -> properties.putIfAbsent("jakarta.persistence.validation.mode", "none");
    }
}
