package org.leadmanager.spi;

import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;

/** Store SPI: the append-only timeline of leads. */
public interface ActivityRepository {

    void append(List<Activity> activities);

    /** A lead's entries in the order they were appended. */
    List<Activity> findByLead(TenantId tenant, LeadId lead);

    /** Moves every entry of one lead to another (contact merge), keeping their order by time. */
    void moveAll(TenantId tenant, LeadId from, LeadId into);
}
