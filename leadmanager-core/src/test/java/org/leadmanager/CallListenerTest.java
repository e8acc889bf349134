package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.StoreException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.spi.host.ContactDirectory;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.store.LeadStore;

/** The host's call listener hears the start and the end of every API call, with what it threw. */
class CallListenerTest {
    private final List<String> heard = new ArrayList<>();
    private final LeadStore store = mock(LeadStore.class);
    private final Actor manager = Actor.manager(TenantId.of("t1"), UserId.of("u1"));

    private LeadManager leads(CallListener listener) {
        return LeadManager.builder().store(store).contacts(mock(ContactDirectory.class))
                .users(mock(UserDirectory.class)).callListener(listener).build();
    }

    private CallListener recording() {
        return (api, operation) -> {
            heard.add("start " + api + "." + operation);
            return failure -> heard.add("end " + api + "." + operation + " "
                    + (failure == null ? "ok" : failure.getClass().getSimpleName()));
        };
    }

    @Test
    void aRejectedCallIsHeardWithItsValidationException() {
        LeadManager leads = leads(recording());

        assertThrows(ValidationException.class, () -> leads.leads().get(null, null));

        assertEquals(List.of("start Leads.get", "end Leads.get ValidationException"), heard);
    }

    @Test
    void aFailingStoreIsHeardAndTheCallerGetsTheSameException() {
        StoreException down = new StoreException("down", new RuntimeException());
        when(store.read(org.mockito.ArgumentMatchers.<Function<org.leadmanager.spi.store.StoreSession, Object>>any()))
                .thenThrow(down);
        LeadManager leads = leads(recording());

        StoreException thrown = assertThrows(StoreException.class,
                () -> leads.projects().get(manager, new ProjectId(java.util.UUID.randomUUID())));

        assertSame(down, thrown);
        assertEquals(List.of("start Projects.get", "end Projects.get StoreException"), heard);
    }

    @Test
    void aThrowingListenerNeverChangesTheOutcome() {
        LeadManager leads = leads((api, operation) -> {
            throw new IllegalStateException("listener broken");
        });

        // the call still fails with its own exception, not the listener's
        assertThrows(ValidationException.class, () -> leads.leads().get(null, null));
    }
}
