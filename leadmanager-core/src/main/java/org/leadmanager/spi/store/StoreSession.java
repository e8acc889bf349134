package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.search.LeadSearch;

/** The repositories of one unit of work. Valid only inside {@link LeadStore#inTransaction}. */
public interface StoreSession {

    ProjectRepository projects();

    MarketingActionRepository actions();

    LeadRepository leads();

    NoteRepository notes();

    ActivityRepository activities();

    FollowUpRepository followUps();

    SavedSearchRepository savedSearches();

    /**
     * The page of {@link LeadRepository#search}, but only if the search's project is stored at
     * {@code projectVersion}: empty when it has another version or is gone. Lets a caller that remembers a project
     * skip reading it again. Default: reads the project, then searches; a store may check the version within the
     * page's own statement.
     */
    default Optional<List<Lead>> searchIfProjectAt(LeadSearch search, long projectVersion) {
        return projects().find(search.tenant(), search.project())
                .filter(project -> project.version() == projectVersion)
                .map(project -> leads().search(search));
    }

    /**
     * Whether this session reads only committed state: no uncommitted change, of this unit of work or of one it
     * joined, can show through. The lead manager remembers what it reads only from such sessions. Default false.
     */
    default boolean readsCommittedOnly() {
        return false;
    }

    /** Appends events to the outbox of this unit of work; they become relayable when it commits. */
    void recordEvents(List<EventEnvelope> events);
}
