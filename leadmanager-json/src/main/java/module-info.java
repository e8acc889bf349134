/** The JSON form of the library's events, on Jackson 3. */
module org.leadmanager.json {
    requires transitive org.leadmanager.core;
    requires tools.jackson.databind;

    exports org.leadmanager.json;
}
