/**
 * The contract kit: the behaviour every store must show, as abstract JUnit 5 and jqwik tests a store's test suite
 * extends.
 */
module org.leadmanager.tck {
    requires transitive org.leadmanager.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive net.jqwik.api;
    requires transitive java.sql;

    exports org.leadmanager.tck;

    // test engines instantiate and call the kit's test classes reflectively
    opens org.leadmanager.tck to org.junit.platform.commons, net.jqwik.engine;
}
