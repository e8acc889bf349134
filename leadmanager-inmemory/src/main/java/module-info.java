/** The in-memory store, and an in-memory contact and user directory for demos and tests. */
module org.leadmanager.inmemory {
    requires transitive org.leadmanager.core;
    requires org.slf4j;

    exports org.leadmanager.inmemory;
}
