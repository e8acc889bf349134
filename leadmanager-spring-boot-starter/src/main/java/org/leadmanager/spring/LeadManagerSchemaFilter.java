package org.leadmanager.spring;

import java.util.Locale;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps Hibernate's schema tooling ({@code spring.jpa.hibernate.ddl-auto}) away from the library's tables (all named
 * {@code lm_…}) while the starter's Flyway set-up owns them, so a host whose own tables Hibernate creates, updates or
 * validates neither recreates nor drops them. Every other table is left to the host's setting.
 */
public final class LeadManagerSchemaFilter implements SchemaFilterProvider, SchemaFilter {

    @Override
    public boolean includeNamespace(Namespace namespace) {
        return true;
    }

    @Override
    public boolean includeTable(Table table) {
        return !table.getName().toLowerCase(Locale.ROOT).startsWith("lm_");
    }

    @Override
    public boolean includeSequence(Sequence sequence) {
        return true;
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return this;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return this;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return this;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return this;
    }
}
