package org.leadmanager.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.LeadStore;

/**
 * Property-based contract (jqwik): the kept counts always equal a recount from the leads. {@link LeadManagerContract}
 * runs it as the {@code @Group} {@code KeptCountsAgreement}; a host may also subclass it directly.
 */
public abstract class KeptCountsProperties {

    /** The store under test; called once per try. May return a shared store: every try has its own tenant. */
    protected abstract LeadStore store();

    /**
     * After every command of a random sequence, among them status retirements, contact merges, bulk calls and
     * crashes of the store inside a unit of work (rolled back), every kept count of every project (the list, the
     * counts per status with and without owner filters) equals a count of its leads, and a recount finds nothing
     * to correct; a command the crash struck changed nothing.
     */
    @Property(tries = 30)
    void keptCountsEqualARecountAfterEveryCommand(@ForAll("sequencesWithCrashes") List<LeadCommand> commands) {
        CrashingStore crashing = new CrashingStore(store());
        CommandWorld world = new CommandWorld(TckFixture.create(crashing), crashing);
        for (LeadCommand command : commands) {
            world.run(command);
        }
        Statistics.label("crashes that struck").collect(world.crashCount() == 0 ? "0" : world.crashCount() < 3
                ? "1-2" : "3+");
        Statistics.label("retirements").collect(commands.stream().filter(LeadCommand.RetireStatus.class::isInstance)
                .count() > 0);
    }

    @Provide
    Arbitrary<List<LeadCommand>> sequencesWithCrashes() {
        return LeadCommand.anyWithCrashes().list().ofMinSize(5).ofMaxSize(40)
                .withSizeDistribution(RandomDistribution.uniform());
    }

    /**
     * One change of a racing thread, resolved against the project: the contact's lead (qualified first when it is
     * none yet) moved to a status, given to an owner, converted or disqualified, or a few contacts qualified at once.
     *
     * @param kind    0 qualify, 1 qualify three contacts in chunks of two, 2 move, 3 assign or unassign, 4 convert, 5
     *                disqualify
     * @param contact index of the contact
     * @param value   index of the OPEN status or of the owner
     */
    record Step(int kind, int contact, int value) {
    }

    /**
     * Several threads change one project at once, with the changes of one thread spoiling those of another now and
     * then (each spoiled change fails, as the API says, and is not counted); afterwards every kept count equals a
     * count of the leads.
     */
    @Property(tries = 10)
    void keptCountsEqualARecountAfterConcurrentChanges(@ForAll("threadScripts") List<List<Step>> scripts) {
        TckFixture fx = TckFixture.create(store());
        Project project = fx.project("Raced", AssignmentPolicy.leastOpenLeads(), fx.alice, fx.bob, fx.carol);
        List<ContactId> contacts = fx.contacts(12, "Visitor");
        List<UserId> owners = java.util.Arrays.asList(fx.alice, fx.bob, fx.carol, null);
        // plain moves among the OPEN statuses; convert and disqualify reach the others
        List<StatusKey> statuses = List.of(TckFixture.NEW, TckFixture.CONTACTED, TckFixture.OFFER);
        List<Callable<Integer>> threads = new ArrayList<>();
        for (List<Step> script : scripts) {
            threads.add(() -> {
                int spoiled = 0;
                for (Step step : script) {
                    try {
                        apply(fx, project, step, contacts, owners, statuses);
                    } catch (StaleModificationException | ConflictException e) {
                        spoiled++;
                    }
                }
                return spoiled;
            });
        }

        int spoiled = ConcurrencyContract.race(threads).stream().mapToInt(Integer::intValue).sum();

        CountAgreement.assertAgree(fx, project.id(), "after " + scripts);
        Statistics.label("changes spoiled by another thread").collect(spoiled == 0 ? "0" : spoiled < 3 ? "1-2"
                : "3+");
    }

    private static void apply(TckFixture fx, Project project, Step step, List<ContactId> contacts,
            List<UserId> owners, List<StatusKey> statuses) {
        ContactId contact = contacts.get(step.contact() % contacts.size());
        if (step.kind() == 1) {
            List<ContactId> some = List.of(contact, contacts.get((step.contact() + 1) % contacts.size()),
                    contacts.get((step.contact() + 5) % contacts.size()));
            fx.withChunkSize(2).qualification().qualifyAll(fx.manager, project.id(), some);
            return;
        }
        LeadId lead = fx.lm.qualification().qualify(fx.manager, project.id(), contact).lead().id();
        switch (step.kind()) {
            case 2 -> fx.lm.leads().changeStatus(fx.manager, lead, statuses.get(step.value() % statuses.size()));
            case 3 -> {
                UserId owner = owners.get(step.value() % owners.size());
                if (owner == null) {
                    fx.lm.leads().unassign(fx.manager, lead);
                } else {
                    fx.lm.leads().assign(fx.manager, lead, owner);
                }
            }
            case 4 -> fx.lm.leads().convert(fx.manager, lead);
            case 5 -> fx.lm.leads().disqualify(fx.manager, lead, "not now");
            default -> {
            }
        }
    }

    @Provide
    Arbitrary<List<List<Step>>> threadScripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 7)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(10).list().ofMinSize(2).ofMaxSize(4);
    }
}
