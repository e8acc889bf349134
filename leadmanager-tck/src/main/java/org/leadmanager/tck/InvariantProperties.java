package org.leadmanager.tck;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import org.leadmanager.spi.store.LeadStore;

/**
 * Property-based contract (jqwik): random sequences of commands keep the invariants. {@link LeadManagerContract}
 * runs it as the {@code @Group} {@code Invariants}; a host may also subclass it directly.
 */
public abstract class InvariantProperties {

    /** The store under test; called once per try. May return a shared store: every try has its own tenant. */
    protected abstract LeadStore store();

    /**
     * One lead per project and contact; every status in its project's list; counts per status equal the sizes of
     * the filtered lists; status history agrees with state (changes chain from the default the lead was created on
     * to its current status); a refused command changes nothing.
     */
    @Property(tries = 75)
    void randomCommandSequencesKeepTheInvariants(@ForAll("commandSequences") List<LeadCommand> commands) {
        CommandWorld world = new CommandWorld(TckFixture.create(store()));
        for (LeadCommand command : commands) {
            world.run(command);
        }
        world.checkHistories();
        Statistics.label("leads at the end").collect(world.leadCount() < 4 ? "0-3" : world.leadCount() < 8 ? "4-7"
                : "8+");
        Statistics.label("share of refused commands").collect(world.refusedCount() * 4 / commands.size() * 25 + "%+");
        Statistics.label("leads with a folded-in lead").collect(world.foldedCount() > 0);
    }

    @Provide
    Arbitrary<List<LeadCommand>> commandSequences() {
        return LeadCommand.any().list().ofMinSize(5).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }
}
