package org.leadmanager.tck;

import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.junit.jupiter.api.Nested;
import org.leadmanager.spi.store.LeadStore;

/**
 * The contract every store adapter must pass. Subclass it once in your adapter's tests and return the store under
 * test; every capability runs as a nested class of your subclass:
 *
 * <pre>{@code
 * class MyStoreContractTest extends LeadManagerContract {
 *     @Override
 *     protected LeadStore store() {
 *         return MyLeadStore.create(...);
 *     }
 *
 *     @Override
 *     protected StoredText storedText(LeadStore store) {
 *         return StoredText.ofTables(dataSource::getConnection, "my_");   // every text the store holds
 *     }
 * }
 * }</pre>
 *
 * {@link #store()} is called for every test (and every property try); it may return a new store each time or one
 * shared store, because every test works in a tenant of its own and never assumes an empty store. JUnit Jupiter
 * runs the {@code @Nested} classes, jqwik (which must be on the test class path with its engine, as it is through
 * this module's dependencies) runs the {@code @Group} of properties. The capability contracts are public abstract
 * classes too, so a host may run just one of them by subclassing it.
 */
@AddLifecycleHook(value = JupiterConditionsForProperties.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
public abstract class LeadManagerContract {

    /** The store under test; see the class comment. */
    protected abstract LeadStore store();

    /**
     * Every text the store holds, for the privacy contract's scan ({@link PrivacyContract}): {@link StoredText#ofTables}
     * for a store on a database, {@link StoredText#ofObjects} for one in memory.
     *
     * @param store the store {@link #store()} returned for the running test
     */
    protected abstract StoredText storedText(LeadStore store);

    @Nested
    class Projects extends ProjectsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Qualification extends QualificationContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Assignment extends AssignmentContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class WorkingLeads extends WorkingLeadsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class FollowUps extends FollowUpsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Reminders extends RemindersContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class ReminderLifecycle extends ReminderLifecycleContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Search extends SearchContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Events extends EventsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class EventRelay extends EventRelayContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class TenancyAndAccess extends TenancyAndAccessContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class BadInput extends BadInputContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class HostPorts extends HostPortsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class KeptCounts extends KeptCountsContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Privacy extends PrivacyContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }

        @Override
        protected StoredText storedText(LeadStore store) {
            return LeadManagerContract.this.storedText(store);
        }
    }

    @Nested
    class ConversionFunnel extends FunnelContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class Retention extends RetentionContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class FirstResponse extends FirstResponseContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Nested
    class UnitOfWork extends UnitOfWorkContract {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Group
    class Invariants extends InvariantProperties {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Group
    class KeptCountsAgreement extends KeptCountsProperties {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Group
    class HostileInput extends HostileInputProperties {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }

    @Group
    class SearchAgreement extends SearchProperties {
        @Override
        protected LeadStore store() {
            return LeadManagerContract.this.store();
        }
    }
}
