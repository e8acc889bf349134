package org.leadmanager.spring;

import javax.sql.DataSource;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.StoredText;
import org.springframework.context.ConfigurableApplicationContext;

/** The contract kit on the Spring-wired store over an embedded H2. */
class SpringContractTest extends SpringContract {
    private static final ConfigurableApplicationContext CONTEXT = start("spring.datasource.generate-unique-name=true");

    @Override
    protected LeadStore store() {
        return CONTEXT.getBean(LeadStore.class);
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return StoredText.ofTables(CONTEXT.getBean(DataSource.class)::getConnection, "lm_");
    }
}
