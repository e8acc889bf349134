package org.leadmanager.tck;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One random step of {@link InvariantProperties}: a call on the public API with small integers that
 * {@link CommandWorld} resolves against the current state (the n-th known lead, the n-th status of the project...),
 * so that most steps are meaningful and some are rightly refused.
 */
sealed interface LeadCommand {

    void applyTo(CommandWorld world);

    record Qualify(int project, int contact) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.qualify(project, contact);
        }
    }

    record QualifyAll(int project, List<Integer> contacts) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.qualifyAll(project, contacts);
        }
    }

    record RespondToAction(int contact) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.respondToAction(contact);
        }
    }

    record JoinGroup(int contact) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.joinGroup(contact);
        }
    }

    record SyncGroups(int project) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.syncGroups(project);
        }
    }

    record Assign(int lead, int user) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.assign(lead, user);
        }
    }

    record ChangeStatus(int lead, int status, boolean byAgent) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.changeStatus(lead, status, byAgent);
        }
    }

    record Convert(int lead) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.convert(lead);
        }
    }

    record Disqualify(int lead) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.disqualify(lead);
        }
    }

    record AddStatus(int project, int key, int category, int position) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.addStatus(project, key, category, position);
        }
    }

    record RetireStatus(int project, int status, int replacement) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.retireStatus(project, status, replacement);
        }
    }

    record ReorderStatuses(int project, long seed) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.reorderStatuses(project, seed);
        }
    }

    record SetDefaultStatus(int project, int status) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.setDefaultStatus(project, status);
        }
    }

    record SetTransitions(int project, int seed) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.setTransitions(project, seed);
        }
    }

    record Archive(int project) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.archive(project);
        }
    }

    record AddNote(int lead, boolean byAgent) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.addNote(lead, byAgent);
        }
    }

    record EditNote(int note, boolean byAgent) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.editNote(note, byAgent);
        }
    }

    record DeleteNote(int note) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.deleteNote(note);
        }
    }

    record ScheduleFollowUp(int lead, int minutes) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.scheduleFollowUp(lead, minutes);
        }
    }

    record CloseFollowUp(int followUp, boolean complete) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.closeFollowUp(followUp, complete);
        }
    }

    record MoveFollowUp(int followUp, int minutes, boolean snooze) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.moveFollowUp(followUp, minutes, snooze);
        }
    }

    record MergeContacts(int from, int into) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.mergeContacts(from, into);
        }
    }

    /** Erases every lead of a contact for privacy. */
    record Erase(int contact) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.erase(contact);
        }
    }

    record AdvanceClock(int minutes) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.advanceClock(minutes);
        }
    }

    /** Arms a crash of the store: the next unit of work that gets there fails and must leave no trace. */
    record Crash(boolean beforeTallies) implements LeadCommand {
        public void applyTo(CommandWorld w) {
            w.crashNext(beforeTallies);
        }
    }

    /** {@link #any()} with now and then a crash of the store armed for the next command. */
    static Arbitrary<LeadCommand> anyWithCrashes() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, any()),
                Tuple.of(1, Arbitraries.of(true, false).map(Crash::new).map(LeadCommand.class::cast)));
    }

    /** Random commands, weighted towards the everyday ones. */
    static Arbitrary<LeadCommand> any() {
        Arbitrary<Integer> project = Arbitraries.integers().between(0, CommandWorld.PROJECTS - 1);
        Arbitrary<Integer> contact = Arbitraries.integers().between(0, CommandWorld.CONTACTS);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 40);
        Arbitrary<Integer> user = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 3 * 24 * 60);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(8, Combinators.combine(project, contact).as(Qualify::new).map(LeadCommand.class::cast)),
                Tuple.of(3, Combinators.combine(project, contact.list().ofMaxSize(7)).as(QualifyAll::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(2, contact.map(RespondToAction::new).map(LeadCommand.class::cast)),
                Tuple.of(2, contact.map(JoinGroup::new).map(LeadCommand.class::cast)),
                Tuple.of(1, project.map(SyncGroups::new).map(LeadCommand.class::cast)),
                Tuple.of(3, Combinators.combine(index, user).as(Assign::new).map(LeadCommand.class::cast)),
                Tuple.of(8, Combinators.combine(index, index, flag).as(ChangeStatus::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(2, index.map(Convert::new).map(LeadCommand.class::cast)),
                Tuple.of(2, index.map(Disqualify::new).map(LeadCommand.class::cast)),
                Tuple.of(2, Combinators.combine(project, Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 2), index).as(AddStatus::new).map(LeadCommand.class::cast)),
                Tuple.of(2, Combinators.combine(project, index, index).as(RetireStatus::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(1, Combinators.combine(project, Arbitraries.longs()).as(ReorderStatuses::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(1, Combinators.combine(project, index).as(SetDefaultStatus::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(1, Combinators.combine(project, index).as(SetTransitions::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(1, project.map(Archive::new).map(LeadCommand.class::cast)),
                Tuple.of(3, Combinators.combine(index, flag).as(AddNote::new).map(LeadCommand.class::cast)),
                Tuple.of(1, Combinators.combine(index, flag).as(EditNote::new).map(LeadCommand.class::cast)),
                Tuple.of(1, index.map(DeleteNote::new).map(LeadCommand.class::cast)),
                Tuple.of(3, Combinators.combine(index, minutes).as(ScheduleFollowUp::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(2, Combinators.combine(index, flag).as(CloseFollowUp::new).map(LeadCommand.class::cast)),
                Tuple.of(1, Combinators.combine(index, minutes, flag).as(MoveFollowUp::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(3, Combinators.combine(contact, contact).as(MergeContacts::new)
                        .map(LeadCommand.class::cast)),
                Tuple.of(1, contact.map(Erase::new).map(LeadCommand.class::cast)),
                Tuple.of(2, Arbitraries.integers().between(1, 600).map(AdvanceClock::new)
                        .map(LeadCommand.class::cast))));
    }
}
