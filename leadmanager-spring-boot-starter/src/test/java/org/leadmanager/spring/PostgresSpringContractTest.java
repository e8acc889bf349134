package org.leadmanager.spring;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.tck.StoredText;
import org.springframework.context.ConfigurableApplicationContext;

/** The contract kit on the Spring-wired store over an embedded PostgreSQL, its tables made by the starter. */
class PostgresSpringContractTest extends SpringContract {
    private static ConfigurableApplicationContext context;

    /** Started on first use, stopped at exit: jqwik runs the kit's properties after JUnit Jupiter. */
    private static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            EmbeddedPostgres server;
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending; the server's directory is temporary
                }
            }, "stop embedded PostgreSQL"));
            context = start("spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres");
        }
        return context;
    }

    @Override
    protected LeadStore store() {
        return context().getBean(LeadStore.class);
    }

    @Override
    protected StoredText storedText(LeadStore store) {
        return StoredText.ofTables(context().getBean(DataSource.class)::getConnection, "lm_");
    }
}
