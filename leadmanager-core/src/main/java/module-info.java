/**
 * Lead Manager's core: the API a host calls ({@code org.leadmanager}), its errors, the domain types, and the two
 * kinds of ports: what a host implements ({@code spi.host}) and what a storage adapter implements
 * ({@code spi.store}). The implementation is package-private in {@code org.leadmanager}.
 */
module org.leadmanager.core {
    requires transitive jakarta.validation;
    requires org.hibernate.validator;
    requires org.slf4j;

    exports org.leadmanager;
    exports org.leadmanager.error;
    exports org.leadmanager.domain;
    exports org.leadmanager.domain.assignment;
    exports org.leadmanager.domain.contact;
    exports org.leadmanager.domain.deadline;
    exports org.leadmanager.domain.event;
    exports org.leadmanager.domain.followup;
    exports org.leadmanager.domain.lead;
    exports org.leadmanager.domain.project;
    exports org.leadmanager.domain.search;
    exports org.leadmanager.domain.tally;
    exports org.leadmanager.spi.host;
    exports org.leadmanager.spi.store;

    // the validator reads the constraints of API parameters and command records reflectively
    opens org.leadmanager to org.hibernate.validator;
    opens org.leadmanager.domain to org.hibernate.validator;
    opens org.leadmanager.domain.project to org.hibernate.validator;
    opens org.leadmanager.domain.search to org.hibernate.validator;
}
