/**
 * The JPA store: the library's data in the host's database through the host's {@code EntityManagerFactory}, with
 * schema scripts for PostgreSQL, MariaDB and H2 ({@code db/leadmanager/...}).
 */
module org.leadmanager.jpa {
    requires transitive org.leadmanager.core;
    requires transitive jakarta.persistence;
    // the default form of events in the publication registry: JSON
    requires org.leadmanager.json;
    requires java.sql;
    requires org.slf4j;

    exports org.leadmanager.jpa;

    // the JPA provider, whichever the host uses, reads and writes the entities' fields reflectively
    opens org.leadmanager.jpa;
}
