package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.inmemory.StoreFixture.ANNA;
import static org.leadmanager.inmemory.StoreFixture.BEN;
import static org.leadmanager.inmemory.StoreFixture.CONTACTED;
import static org.leadmanager.inmemory.StoreFixture.LOST;
import static org.leadmanager.inmemory.StoreFixture.NEW;
import static org.leadmanager.inmemory.StoreFixture.STATUS_ORDER;
import static org.leadmanager.inmemory.StoreFixture.T0;
import static org.leadmanager.inmemory.StoreFixture.TENANT_A;
import static org.leadmanager.inmemory.StoreFixture.TENANT_B;
import static org.leadmanager.inmemory.StoreFixture.WON;
import static org.leadmanager.inmemory.StoreFixture.action;
import static org.leadmanager.inmemory.StoreFixture.activity;
import static org.leadmanager.inmemory.StoreFixture.at;
import static org.leadmanager.inmemory.StoreFixture.event;
import static org.leadmanager.inmemory.StoreFixture.followUp;
import static org.leadmanager.inmemory.StoreFixture.lead;
import static org.leadmanager.inmemory.StoreFixture.note;
import static org.leadmanager.inmemory.StoreFixture.project;
import static org.leadmanager.inmemory.StoreFixture.savedSearch;
import static org.leadmanager.inmemory.StoreFixture.states;

import static java.util.stream.Collectors.toSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.assignment.RoundRobinState;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.spi.store.StoreSession;

/** Behaviour of the in-memory store itself, beyond what the contract kit checks. */
class InMemoryLeadStoreTest {
    private final InMemoryLeadStore store = InMemoryLeadStore.create();

    private <T> T tx(Function<StoreSession, T> work) {
        return store.inTransaction(work);
    }

    private Project saved(Project project) {
        tx(s -> {
            s.projects().insert(project);
            return null;
        });
        return project;
    }

    private Lead saved(Lead lead) {
        assertEquals(List.of(lead), tx(s -> s.leads().insertIfAbsent(List.of(lead))));
        return lead;
    }

    @Nested
    class UnitOfWork {

        @Test
        void aFailingUnitOfWorkChangesNothingAndRethrowsTheSameException() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead kept = saved(lead(project, "c1"));
            IllegalStateException failure = new IllegalStateException("boom");

            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> tx(s -> {
                s.projects().insert(project(TENANT_A, "Wind"));
                s.projects().update(project.renamed("Solar 2"));
                s.leads().insertIfAbsent(List.of(lead(project, "c2")));
                s.leads().update(kept.withStatus(WON, null, at(5)));
                s.notes().insert(note(kept, "hello", T0));
                s.followUps().insert(followUp(kept, ANNA, at(1)));
                s.activities().append(List.of(activity(kept, ActivityType.QUALIFIED, T0)));
                s.projects().keepRoundRobin(TENANT_A, project.id(), new RoundRobinState(Map.of(ANNA, 0.0), ANNA));
                s.tallies().add(TENANT_A, List.of(new TallyDelta(project.id(), TallyKey.status(NEW), 2)));
                s.recordEvents(List.of(event(TENANT_A, "created")));
                throw failure;
            }));

            assertSame(failure, thrown);
            tx(s -> {
                assertEquals(List.of(project), s.projects().findAll(TENANT_A));
                assertEquals(Optional.of(kept), s.leads().find(TENANT_A, kept.id()));
                assertEquals(Optional.empty(), s.leads().findByContact(TENANT_A, project.id(), ContactId.of("c2")));
                assertEquals(Map.of(NEW, 1L), s.leads().countByStatus(TENANT_A, project.id(), LeadCriteria.all()));
                assertEquals(List.of(), s.notes().findByLead(TENANT_A, kept.id()));
                assertEquals(List.of(), s.followUps().findByLead(TENANT_A, kept.id()));
                assertEquals(List.of(), s.reminders().claimDue(at(100), 10, "n", at(200)));
                assertEquals(List.of(), s.activities().findByLead(TENANT_A, kept.id()));
                assertEquals(RoundRobinState.START, s.projects().roundRobin(TENANT_A, project.id(), false));
                assertEquals(Map.of(), s.tallies().sums(TENANT_A, project.id(), Tally.STATUS));
                return null;
            });
            assertEquals(List.of(), pending());
        }

        @Test
        void talliesSumWhatWasAddedAndForgetNumbersBackAtZero() {
            Project project = saved(project(TENANT_A, "Solar"));
            TallyKey fresh = TallyKey.status(NEW);
            TallyKey owned = TallyKey.owner(ANNA, NEW);

            tx(s -> {
                s.tallies().add(TENANT_A, List.of(new TallyDelta(project.id(), fresh, 3),
                        new TallyDelta(project.id(), owned, 1)));
                s.tallies().add(TENANT_A, List.of(new TallyDelta(project.id(), fresh, -1),
                        new TallyDelta(project.id(), owned, -1)));
                assertEquals(Map.of(fresh, 2L), s.tallies().sums(TENANT_A, project.id(), Tally.STATUS),
                        "a unit of work reads its own additions");
                return null;
            });
            tx(s -> {
                assertEquals(Map.of(fresh, 2L), s.tallies().sums(TENANT_A, project.id(), Tally.STATUS));
                assertEquals(Map.of(), s.tallies().sums(TENANT_A, project.id(), Tally.OWNER));
                assertEquals(Map.of(project.id(), Map.of(fresh, 2L)), s.tallies().sums(TENANT_A, Tally.STATUS));
                return null;
            });
        }

        @Test
        void aNestedCallJoinsTheOuterUnitOfWork() {
            Project project = project(TENANT_A, "Solar");

            assertThrows(IllegalArgumentException.class, () -> tx(outer -> {
                store.inTransaction(inner -> {
                    inner.projects().insert(project);
                    inner.recordEvents(List.of(event(TENANT_A, "created")));
                    return null;
                });
                assertTrue(outer.projects().find(TENANT_A, project.id()).isPresent(), "reads its own writes");
                throw new IllegalArgumentException("outer fails");
            }));

            assertEquals(List.of(), tx(s -> s.projects().findAll(TENANT_A)));
            assertEquals(List.of(), pending());
        }

        @Test
        void aFailedNestedCallUndoesOnlyItsOwnChanges() {
            Project first = project(TENANT_A, "First");
            Project second = project(TENANT_A, "Second");
            EventEnvelope kept = event(TENANT_A, "first");

            tx(outer -> {
                outer.projects().insert(first);
                outer.recordEvents(List.of(kept));
                assertThrows(IllegalStateException.class, () -> store.inTransaction(inner -> {
                    inner.projects().insert(second);
                    inner.recordEvents(List.of(event(TENANT_A, "second")));
                    throw new IllegalStateException("inner fails");
                }));
                return null;
            });

            assertEquals(List.of(first), tx(s -> s.projects().findAll(TENANT_A)));
            assertEquals(List.of(kept), pending());
        }

        @Test
        void aCallThatThrowsInsideAUnitOfWorkChangesNothing() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead existing = saved(lead(project, "c1"));
            Lead sameId = Lead.reconstitute(existing.id(), TENANT_A, project.id(), ContactId.of("c9"),
                    existing.card(), NEW, null, existing.origin(), existing.ownerReason(), null, T0, T0, T0, null, 0);
            Lead fresh = lead(project, "c2");

            tx(s -> {
                assertThrows(ConflictException.class, () -> s.leads().insertIfAbsent(List.of(fresh, sameId)));
                assertEquals(Optional.empty(), s.leads().find(TENANT_A, fresh.id()));
                return null;
            });
        }

        @Test
        void repositoriesRefuseUseOutsideTheirUnitOfWork() throws Exception {
            StoreSession leaked = tx(s -> s);
            assertThrows(IllegalStateException.class, () -> leaked.projects().findAll(TENANT_A));

            CompletableFuture<Throwable> fromOtherThread = new CompletableFuture<>();
            tx(s -> {
                Thread other = new Thread(() -> {
                    try {
                        s.leads().find(TENANT_A, lead(project(TENANT_A, "x"), "c").id());
                        fromOtherThread.complete(null);
                    } catch (Throwable t) {
                        fromOtherThread.complete(t);
                    }
                });
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            assertTrue(fromOtherThread.get(10, TimeUnit.SECONDS) instanceof IllegalStateException);
        }
    }

    @Nested
    class TenantIsolation {

        @Test
        void noLookupReturnsAnotherTenantsData() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1", NEW, ANNA, T0));
            Note note = note(lead, "secret", T0);
            FollowUp followUp = followUp(lead, ANNA, at(1));
            MarketingAction action = action(TENANT_A, "Mailing", project);
            SavedSearch search = savedSearch(TENANT_A, ANNA, "Mine", project);
            tx(s -> {
                s.notes().insert(note);
                s.followUps().insert(followUp.attemptFailed("down", null));
                s.actions().insert(action);
                s.savedSearches().insert(search);
                s.activities().append(List.of(activity(lead, ActivityType.QUALIFIED, T0)));
                return null;
            });

            tx(s -> {
                assertEquals(Optional.empty(), s.projects().find(TENANT_B, project.id()));
                assertEquals(Optional.empty(), s.projects().findByName(TENANT_B, "Solar"));
                assertEquals(List.of(), s.projects().findAll(TENANT_B));
                assertEquals(Optional.empty(), s.leads().find(TENANT_B, lead.id()));
                assertEquals(Optional.empty(), s.leads().findByContact(TENANT_B, project.id(), lead.contact()));
                assertEquals(List.of(), s.leads().findAllByContact(TENANT_B, lead.contact()));
                assertEquals(Set.of(), s.leads().existingContacts(TENANT_B, project.id(), List.of(lead.contact())));
                assertEquals(List.of(), s.leads().search(new LeadSearch(TENANT_B, project.id(), LeadCriteria.all(),
                        LeadSort.byLastActivity(), STATUS_ORDER, null, 10)));
                assertEquals(Map.of(), s.leads().countByStatus(TENANT_B, project.id(), LeadCriteria.all()));
                assertEquals(Map.of(), s.tallies().sums(TENANT_B, Tally.STATUS));
                assertEquals(Map.of(), s.tallies().sums(TENANT_B, project.id(), Tally.OWNER));
                assertEquals(Map.of(), s.tallies().recount(TENANT_B, project.id()));
                assertEquals(Optional.empty(), s.notes().find(TENANT_B, note.id()));
                assertEquals(List.of(), s.notes().findByLead(TENANT_B, lead.id()));
                assertEquals(List.of(), s.activities().findByLead(TENANT_B, lead.id()));
                assertEquals(Optional.empty(), s.followUps().find(TENANT_B, followUp.id()));
                assertEquals(List.of(), s.followUps().findByLead(TENANT_B, lead.id()));
                assertEquals(List.of(), s.followUps().findOpenByOwner(TENANT_B, ANNA, 10));
                assertEquals(List.of(), s.reminders().findFailed(TENANT_B, 10));
                assertEquals(Optional.empty(), s.actions().find(TENANT_B, action.id()));
                assertEquals(List.of(), s.actions().findAll(TENANT_B));
                assertEquals(Optional.empty(), s.savedSearches().find(TENANT_B, search.id()));
                assertEquals(List.of(), s.savedSearches().findByOwner(TENANT_B, ANNA));
                return null;
            });
        }

        @Test
        void noChangeReachesAnotherTenantsData() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));
            SavedSearch search = savedSearch(TENANT_A, ANNA, "Mine", project);
            tx(s -> {
                s.savedSearches().insert(search);
                s.projects().keepRoundRobin(TENANT_A, project.id(), new RoundRobinState(Map.of(), ANNA));
                return null;
            });
            Lead foreign = Lead.reconstitute(lead.id(), TENANT_B, project.id(), lead.contact(), lead.card(), WON,
                    null, lead.origin(), lead.ownerReason(), null, T0, T0, T0, null, 0);

            tx(s -> {
                assertThrows(StaleModificationException.class, () -> s.leads().update(foreign));
                assertThrows(StaleModificationException.class, () -> s.leads().delete(foreign));
                s.savedSearches().delete(TENANT_B, search.id());
                assertEquals(RoundRobinState.START, s.projects().roundRobin(TENANT_B, project.id(), true));
                Lead sameContactInB = lead(TENANT_B, project.id(), "c1", "Other", NEW, null, T0, T0, null);
                assertEquals(List.of(sameContactInB), s.leads().insertIfAbsent(List.of(sameContactInB)),
                        "the same project and contact key is free in another tenant");
                return null;
            });

            tx(s -> {
                assertEquals(Optional.of(lead), s.leads().find(TENANT_A, lead.id()));
                assertEquals(Optional.of(search), s.savedSearches().find(TENANT_A, search.id()));
                assertEquals(new RoundRobinState(Map.of(), ANNA), s.projects().roundRobin(TENANT_A, project.id(), false));
                assertEquals(1, s.leads().findAllByContact(TENANT_A, lead.contact()).size());
                return null;
            });
        }
    }

    @Nested
    class OptimisticVersions {

        @Test
        void anUpdateBumpsTheVersionAndAStaleOneIsRejected() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));

            Lead first = tx(s -> s.leads().update(lead.withStatus(CONTACTED, null, at(1))));
            assertEquals(1, first.version());
            assertThrows(StaleModificationException.class,
                    () -> tx(s -> s.leads().update(lead.withStatus(WON, null, at(2)))));
            assertThrows(StaleModificationException.class, () -> tx(s -> {
                s.leads().delete(lead);
                return null;
            }));
            assertEquals(Optional.of(first), tx(s -> s.leads().find(TENANT_A, lead.id())));

            Project renamed = tx(s -> s.projects().update(project.renamed("Solar II")));
            assertEquals(1, renamed.version());
            assertThrows(StaleModificationException.class, () -> tx(s -> s.projects().update(project.archive())));
        }

        @Test
        void aDeletedAggregateCannotBeUpdated() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));
            Note note = note(lead, "text", T0);
            tx(s -> {
                s.notes().insert(note);
                s.notes().delete(note);
                s.leads().delete(lead);
                return null;
            });

            assertThrows(StaleModificationException.class, () -> tx(s -> s.leads().update(lead)));
            assertThrows(StaleModificationException.class, () -> tx(s -> s.notes().update(note.edited("x", T0))));
            assertThrows(StaleModificationException.class,
                    () -> tx(s -> s.followUps().update(followUp(lead, ANNA, T0))));
            assertEquals(Map.of(), tx(s -> s.leads().countByStatus(TENANT_A, project.id(), LeadCriteria.all())));
            assertEquals(List.of(lead), tx(s -> s.leads().insertIfAbsent(List.of(lead))), "the pair is free again");
        }

        @Test
        void notesAndFollowUpsAreVersionedToo() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));
            Note note = note(lead, "text", T0);
            FollowUp followUp = followUp(lead, ANNA, at(10));
            tx(s -> {
                s.notes().insert(note);
                s.followUps().insert(followUp);
                return null;
            });

            Note edited = tx(s -> s.notes().update(note.edited("better", at(1))));
            FollowUp moved = tx(s -> s.followUps().update(followUp.rescheduled(at(20))));

            assertEquals(1, edited.version());
            assertEquals(1, moved.version());
            assertThrows(StaleModificationException.class, () -> tx(s -> s.notes().update(note.edited("old", T0))));
            assertThrows(StaleModificationException.class, () -> tx(s -> {
                s.notes().delete(note);
                return null;
            }));
            assertThrows(StaleModificationException.class,
                    () -> tx(s -> s.followUps().update(followUp.complete(T0))));
        }
    }

    @Nested
    class UniqueKeys {

        @Test
        void projectNamesAreUniquePerTenantIgnoringCase() {
            Project solar = saved(project(TENANT_A, "Solar"));
            Project wind = saved(project(TENANT_A, "Wind"));
            saved(project(TENANT_B, "SOLAR"));

            assertThrows(ConflictException.class, () -> saved(project(TENANT_A, "sOLAR")));
            assertThrows(ConflictException.class, () -> tx(s -> s.projects().update(wind.renamed("SOLAR"))));
            Project recased = tx(s -> s.projects().update(solar.renamed("SOLAR")));

            assertEquals(Optional.of(recased), tx(s -> s.projects().findByName(TENANT_A, "solar")));
            Project freed = saved(project(TENANT_A, "Wind 2"));
            tx(s -> s.projects().update(wind.renamed("Breeze")));
            assertEquals(List.of("Breeze", "SOLAR", "Wind 2"),
                    tx(s -> s.projects().findAll(TENANT_A)).stream().map(Project::name).toList());
            assertEquals(Optional.of(freed), tx(s -> s.projects().findByName(TENANT_A, "WIND 2")));
            saved(project(TENANT_A, "Wind"));
        }

        @Test
        void savedSearchNamesAreUniquePerOwner() {
            Project project = saved(project(TENANT_A, "Solar"));
            tx(s -> {
                s.savedSearches().insert(savedSearch(TENANT_A, ANNA, "Hot", project));
                s.savedSearches().insert(savedSearch(TENANT_A, BEN, "Hot", project));
                s.savedSearches().insert(savedSearch(TENANT_B, ANNA, "Hot", project));
                s.savedSearches().insert(savedSearch(TENANT_A, ANNA, "Cold", project));
                return null;
            });

            assertThrows(ConflictException.class,
                    () -> tx(s -> {
                        s.savedSearches().insert(savedSearch(TENANT_A, ANNA, "Hot", project));
                        return null;
                    }));
            List<SavedSearch> annas = tx(s -> s.savedSearches().findByOwner(TENANT_A, ANNA));
            assertEquals(List.of("Cold", "Hot"), annas.stream().map(SavedSearch::name).toList());

            tx(s -> {
                s.savedSearches().delete(TENANT_A, annas.get(1).id());
                s.savedSearches().insert(savedSearch(TENANT_A, ANNA, "Hot", project));
                return null;
            });
        }

        @Test
        void insertIfAbsentSkipsPairsThatAreLeadsAlready() {
            Project project = saved(project(TENANT_A, "Solar"));
            Project other = saved(project(TENANT_A, "Wind"));
            Lead existing = saved(lead(project, "c1"));
            Lead again = lead(project, "c1");
            Lead fresh = lead(project, "c2");
            Lead elsewhere = lead(other, "c1");

            List<Lead> inserted = tx(s -> s.leads().insertIfAbsent(List.of(again, fresh, elsewhere)));

            assertEquals(List.of(fresh, elsewhere), inserted);
            tx(s -> {
                assertEquals(Optional.of(existing), s.leads().findByContact(TENANT_A, project.id(), existing.contact()));
                assertEquals(Set.of(existing, elsewhere), Set.copyOf(s.leads().findAllByContact(TENANT_A,
                        existing.contact())));
                assertEquals(Set.of(ContactId.of("c1"), ContactId.of("c2")), s.leads().existingContacts(TENANT_A,
                        project.id(), List.of(ContactId.of("c1"), ContactId.of("c2"), ContactId.of("c3"))));
                return null;
            });
        }

        @Test
        void aLeadCannotMoveToAContactThatHasALeadInItsProject() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead first = saved(lead(project, "c1"));
            saved(lead(project, "c2"));

            assertThrows(ConflictException.class, () -> tx(s -> s.leads().update(
                    first.withContact(ContactId.of("c2"), first.card(), at(1)))));
            Lead moved = tx(s -> s.leads().update(first.withContact(ContactId.of("c3"), first.card(), at(1))));

            tx(s -> {
                assertEquals(Optional.of(moved), s.leads().findByContact(TENANT_A, project.id(), ContactId.of("c3")));
                assertEquals(List.of(), s.leads().findAllByContact(TENANT_A, ContactId.of("c1")));
                return null;
            });
        }
    }

    @Nested
    class LeadLists {

        @Test
        void aPageHoldsTheTickedStatusesAndOwnersInOrderAfterTheKeyset() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead a = saved(lead(project, "a", NEW, ANNA, at(1)));
            Lead b = saved(lead(project, "b", CONTACTED, null, at(2)));
            saved(lead(project, "c", CONTACTED, BEN, at(3)));
            Lead d = saved(lead(project, "d", NEW, null, at(4)));
            saved(lead(project, "e", WON, ANNA, at(5)));
            Lead f = saved(lead(project, "f", CONTACTED, ANNA, at(6)));
            LeadCriteria criteria = LeadCriteria.all().withStatuses(NEW, CONTACTED).withAssignees(ANNA)
                    .withUnassigned(true);

            List<Lead> first = tx(s -> s.leads().search(new LeadSearch(TENANT_A, project.id(), criteria,
                    LeadSort.byLastActivity(), STATUS_ORDER, null, 2)));
            LeadSearch next = new LeadSearch(TENANT_A, project.id(), criteria, LeadSort.byLastActivity(),
                    STATUS_ORDER, new LeadSearch(TENANT_A, project.id(), criteria, LeadSort.byLastActivity(),
                            STATUS_ORDER, null, 1).ordering().keysetOf(first.get(1)), 10);
            List<Lead> second = tx(s -> s.leads().search(next));

            assertEquals(List.of(f, d), first);
            assertEquals(List.of(b, a), second);
        }

        @Test
        void anUpdatedLeadMovesBetweenBuckets() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "a", NEW, null, at(1)));
            Lead other = saved(lead(project, "b", NEW, null, at(2)));

            Lead worked = tx(s -> {
                s.leads().touch(TENANT_A, lead.id(), at(3));
                return s.leads().update(lead.withStatus(CONTACTED, null, at(3)).assignedTo(BEN, lead.ownerReason(),
                        at(3)));
            });

            tx(s -> {
                assertEquals(List.of(worked, other), s.leads().search(new LeadSearch(TENANT_A, project.id(),
                        LeadCriteria.all(), LeadSort.byLastActivity(), STATUS_ORDER, null, 10)));
                assertEquals(List.of(other), s.leads().search(new LeadSearch(TENANT_A, project.id(),
                        LeadCriteria.all().withStatuses(NEW), LeadSort.byLastActivity(), STATUS_ORDER, null, 10)));
                assertEquals(Map.of(NEW, 1L, CONTACTED, 1L),
                        s.leads().countByStatus(TENANT_A, project.id(), LeadCriteria.all()));
                // the leads were stored without the core, so nothing was kept: the recount takes them from the buckets
                assertEquals(Map.of(TallyKey.status(NEW), 1L, TallyKey.status(CONTACTED), 1L,
                        TallyKey.owner(BEN, CONTACTED), 1L), s.tallies().recount(TENANT_A, project.id()));
                return null;
            });
        }

        @Test
        void otherSortsAgreeWithTheReferenceOrdering() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead zed = saved(lead(TENANT_A, project.id(), "z", "zed", LOST, null, at(3), at(3), null));
            Lead amy = saved(lead(TENANT_A, project.id(), "a", "Amy", NEW, null, at(2), at(9), null));
            Lead bob = saved(lead(TENANT_A, project.id(), "b", "bob", WON, null, at(1), at(1), null));

            assertEquals(List.of(amy, bob, zed), page(project, LeadSort.ascending(SortField.NAME)));
            assertEquals(List.of(zed, amy, bob), page(project, LeadSort.descending(SortField.CREATED)));
            assertEquals(List.of(amy, bob, zed), page(project, LeadSort.ascending(SortField.STATUS_ORDER)));
            assertEquals(List.of(bob, zed, amy), page(project, LeadSort.ascending(SortField.LAST_ACTIVITY)));
        }

        private List<Lead> page(Project project, LeadSort sort) {
            return tx(s -> s.leads().search(new LeadSearch(TENANT_A, project.id(), LeadCriteria.all(), sort,
                    STATUS_ORDER, null, 10)));
        }

        @Test
        void countsFollowTheCriteria() {
            Project project = saved(project(TENANT_A, "Solar"));
            Project other = saved(project(TENANT_A, "Wind"));
            saved(lead(TENANT_A, project.id(), "a", "Anna Berlin", NEW, ANNA, T0, at(1), null));
            saved(lead(TENANT_A, project.id(), "b", "Ben Berlin", NEW, BEN, T0, at(2), at(10)));
            saved(lead(TENANT_A, project.id(), "c", "Carl", CONTACTED, null, T0, at(3), null));
            saved(lead(TENANT_A, project.id(), "d", "Dora", WON, ANNA, T0, at(4), null));
            saved(lead(TENANT_A, other.id(), "a", "Anna Berlin", NEW, null, T0, at(5), null));

            tx(s -> {
                assertEquals(Map.of(NEW, 2L, CONTACTED, 1L, WON, 1L),
                        s.leads().countByStatus(TENANT_A, project.id(), LeadCriteria.all()));
                assertEquals(Map.of(NEW, 1L, WON, 1L), s.leads().countByStatus(TENANT_A, project.id(),
                        LeadCriteria.all().withAssignees(ANNA)));
                assertEquals(Map.of(NEW, 2L), s.leads().countByStatus(TENANT_A, project.id(),
                        LeadCriteria.all().withText("berlin")));
                assertEquals(Map.of(NEW, 1L), s.leads().countByStatus(TENANT_A, project.id(),
                        LeadCriteria.all().withStatuses(NEW).withOpenFollowUp(true)));
                s.tallies().recount(TENANT_A, project.id());
                s.tallies().recount(TENANT_A, other.id());
                assertEquals(Map.of(project.id(), Map.of(TallyKey.status(NEW), 2L, TallyKey.status(CONTACTED), 1L,
                        TallyKey.status(WON), 1L), other.id(), Map.of(TallyKey.status(NEW), 1L)),
                        s.tallies().sums(TENANT_A, Tally.STATUS));
                assertEquals(Map.of(TallyKey.owner(ANNA, NEW), 1L, TallyKey.owner(BEN, NEW), 1L,
                        TallyKey.owner(ANNA, WON), 1L), s.tallies().sums(TENANT_A, project.id(), Tally.OWNER));
                return null;
            });
        }
    }

    @Nested
    class NotesActivitiesAndMerges {

        @Test
        void notesListOldestFirstThenInInsertionOrderAndMoveWithTheirOrder() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead from = saved(lead(project, "c1"));
            Lead into = saved(lead(project, "c2"));
            Note late = note(from, "late", at(5));
            Note tieFirst = note(from, "tie 1", at(1));
            Note tieSecond = note(into, "tie 2", at(1));
            Note early = note(into, "early", at(0));
            tx(s -> {
                List.of(late, tieFirst, tieSecond, early).forEach(s.notes()::insert);
                return null;
            });

            tx(s -> {
                s.notes().moveAll(TENANT_A, from.id(), into.id());
                return null;
            });

            assertEquals(List.of(early, tieFirst.movedTo(into.id()), tieSecond, late.movedTo(into.id())),
                    tx(s -> s.notes().findByLead(TENANT_A, into.id())));
            assertEquals(List.of(), tx(s -> s.notes().findByLead(TENANT_A, from.id())));
        }

        @Test
        void activitiesAreNumberedInAppendOrderAndMoveBehindTheTargetsOwn() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead from = saved(lead(project, "c1"));
            Lead into = saved(lead(project, "c2"));
            Activity noted = activity(from, ActivityType.NOTE_ADDED, at(3));
            Activity startedEarlier = activity(from, ActivityType.STATUS_CHANGED, at(1));
            Activity assigned = activity(into, ActivityType.ASSIGNED, at(2));
            Activity refreshed = activity(into, ActivityType.CARD_REFRESHED, at(5));
            tx(s -> {
                s.activities().append(List.of(noted, assigned, startedEarlier));
                s.activities().append(List.of(refreshed));
                return null;
            });
            assertEquals(List.of(noted.placed(from.id(), 2), startedEarlier.placed(from.id(), 3)),
                    tx(s -> s.activities().findByLead(TENANT_A, from.id())), "by number, not by time");

            tx(s -> {
                s.activities().moveAll(TENANT_A, from.id(), into.id());
                return null;
            });

            assertEquals(List.of(assigned.placed(into.id(), 2), refreshed.placed(into.id(), 3),
                    noted.placed(into.id(), 4), startedEarlier.placed(into.id(), 5)),
                    tx(s -> s.activities().findByLead(TENANT_A, into.id())));
            assertEquals(List.of(), tx(s -> s.activities().findByLead(TENANT_A, from.id())));
            tx(s -> {
                s.activities().append(List.of(noted));
                return null;
            });
            assertEquals(List.of(noted.placed(from.id(), 2)), tx(s -> s.activities().findByLead(TENANT_A, from.id())),
                    "a lead without entries numbers from its qualification again");
        }

        @Test
        void activitiesOfALeadThatIsGoneAreRefusedWithoutAppendingAny() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead kept = saved(lead(project, "c1"));
            Lead gone = lead(project, "c2");

            assertThrows(StaleModificationException.class, () -> tx(s -> {
                s.activities().append(List.of(activity(kept, ActivityType.NOTE_ADDED, T0),
                        activity(gone, ActivityType.NOTE_ADDED, T0)));
                return null;
            }));

            assertEquals(List.of(), tx(s -> s.activities().findByLead(TENANT_A, kept.id())));
        }

        @Test
        void followUpsMoveToTheMergedLead() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead from = saved(lead(project, "c1"));
            Lead into = saved(lead(project, "c2"));
            FollowUp moved = followUp(from, ANNA, at(2));
            FollowUp kept = followUp(into, ANNA, at(1));
            tx(s -> {
                s.followUps().insert(moved);
                s.followUps().insert(kept);
                s.followUps().moveAll(TENANT_A, from.id(), into.id());
                return null;
            });

            assertEquals(states(List.of(kept, moved.movedTo(into.id()))),
                    states(tx(s -> s.followUps().findByLead(TENANT_A, into.id()))));
            assertEquals(List.of(), tx(s -> s.followUps().findByLead(TENANT_A, from.id())));
        }
    }

    @Nested
    class FollowUps {

        @Test
        void theOverviewListsOpenFollowUpsByDueTime() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));
            FollowUp third = followUp(lead, ANNA, at(30));
            FollowUp first = followUp(lead, ANNA, at(10));
            FollowUp second = followUp(lead, ANNA, at(20));
            FollowUp done = followUp(lead, ANNA, at(5));
            FollowUp bens = followUp(lead, BEN, at(1));
            tx(s -> {
                List.of(third, first, second, done, bens).forEach(s.followUps()::insert);
                s.followUps().update(done.complete(at(6)));
                return null;
            });

            assertEquals(List.of(first, second), tx(s -> s.followUps().findOpenByOwner(TENANT_A, ANNA, 2)));
            assertEquals(List.of(first, second, third), tx(s -> s.followUps().findOpenByOwner(TENANT_A, ANNA, 10)));
        }

        @Test
        void claimingTakesDueFollowUpsEarliestFirstAcrossTenantsAndHoldsThemForTheLease() {
            Project solar = saved(project(TENANT_A, "Solar"));
            Project wind = saved(project(TENANT_B, "Wind"));
            Lead a = saved(lead(solar, "c1"));
            Lead b = saved(lead(wind, "c1"));
            FollowUp late = followUp(a, ANNA, at(3));
            FollowUp early = followUp(b, BEN, at(1));
            FollowUp notDue = followUp(a, ANNA, at(60));
            FollowUp cancelled = followUp(a, ANNA, at(0));
            tx(s -> {
                List.of(late, early, notDue, cancelled).forEach(s.followUps()::insert);
                s.followUps().update(cancelled.cancel(at(0)));
                return null;
            });

            List<FollowUp> claimed = tx(s -> s.reminders().claimDue(at(10), 10, "node-1", at(15)));

            assertEquals(states(List.of(early.claimed("node-1", at(15)).withVersion(1),
                    late.claimed("node-1", at(15)).withVersion(1))), states(claimed));
            assertEquals(List.of(), tx(s -> s.reminders().claimDue(at(14), 10, "node-2", at(20))));
            List<FollowUp> reclaimed = tx(s -> s.reminders().claimDue(at(15), 10, "node-2", at(20)));
            assertEquals(Set.of(early.id(), late.id()), reclaimed.stream().map(FollowUp::id).collect(toSet()),
                    "claimable again once the lease ran out");
            assertEquals(List.of(2, 2), reclaimed.stream().map(FollowUp::attempts).toList());
            assertEquals(List.of(2L, 2L), reclaimed.stream().map(FollowUp::version).toList());

            FollowUp fired = tx(s -> s.followUps().update(reclaimed.get(0).fired(at(16))));
            assertEquals(ReminderState.FIRED, fired.reminder());
            assertEquals(List.of(reclaimed.get(1).id()), tx(s -> s.reminders().claimDue(at(50), 10, "node-3", at(101)))
                    .stream().map(FollowUp::id).toList());
        }

        @Test
        void failedRemindersOfOpenFollowUpsAreListed() {
            Project project = saved(project(TENANT_A, "Solar"));
            Lead lead = saved(lead(project, "c1"));
            FollowUp failing = followUp(lead, ANNA, at(2));
            FollowUp retrying = followUp(lead, ANNA, at(1));
            FollowUp closed = followUp(lead, ANNA, at(0));
            tx(s -> {
                List.of(failing, retrying, closed).forEach(s.followUps()::insert);
                return null;
            });
            FollowUp failed = tx(s -> s.followUps().update(failing.attemptFailed("smtp down", null)));
            tx(s -> {
                s.followUps().update(retrying.attemptFailed("smtp down", at(30)));
                FollowUp closedFailed = s.followUps().update(closed.attemptFailed("smtp down", null));
                s.followUps().update(closedFailed.complete(at(3)));
                return null;
            });

            assertEquals(List.of(failed), tx(s -> s.reminders().findFailed(TENANT_A, 10)));
            assertEquals(List.of(), tx(s -> s.reminders().claimDue(at(29), 10, "n", at(40))));
            assertEquals(1, tx(s -> s.reminders().claimDue(at(30), 10, "n", at(40))).size());
        }
    }

    @Nested
    class Projects {

        @Test
        void theRoundRobinStandingIsKeptAsAWhole() {
            Project project = saved(project(TENANT_A, "Solar"));
            RoundRobinState first = new RoundRobinState(Map.of(ANNA, 0.5, BEN, -0.5), BEN);
            RoundRobinState second = new RoundRobinState(Map.of(ANNA, 0.0), ANNA);

            assertEquals(RoundRobinState.START, tx(s -> s.projects().roundRobin(TENANT_A, project.id(), true)));
            tx(s -> {
                s.projects().keepRoundRobin(TENANT_A, project.id(), first);
                return null;
            });
            assertEquals(first, tx(s -> s.projects().roundRobin(TENANT_A, project.id(), false)));
            tx(s -> {
                s.projects().keepRoundRobin(TENANT_A, project.id(), second);
                return null;
            });
            assertEquals(second, tx(s -> s.projects().roundRobin(TENANT_A, project.id(), true)));
        }

        @Test
        void groupLookupSkipsArchivedProjects() {
            var group = org.leadmanager.domain.ContactGroupId.of("newsletter");
            Project bound = saved(project(TENANT_A, "Bound"));
            Project archived = saved(project(TENANT_A, "Archived"));
            saved(project(TENANT_A, "Unbound"));
            Project boundNow = tx(s -> s.projects().update(bound.withGroups(Set.of(group))));
            tx(s -> s.projects().update(archived.withGroups(Set.of(group)).archive()));

            assertEquals(List.of(boundNow), tx(s -> s.projects().findByGroup(TENANT_A, group)));
            assertEquals(List.of(), tx(s -> s.projects().findByGroup(TENANT_B, group)));
        }
    }

    /** Claims every pending event (as a relay at {@code at(100)} would) and returns the envelopes, in order. */
    private List<EventEnvelope> pending() {
        return claim(at(100), 1000).stream().map(ClaimedEvent::envelope).toList();
    }

    private boolean ok(Function<StoreSession, Boolean> work) {
        return tx(work);
    }

    private int count(Function<StoreSession, Integer> work) {
        return tx(work);
    }

    private long number(Function<StoreSession, Long> work) {
        return tx(work);
    }

    private List<ClaimedEvent> claim(Instant now, int limit) {
        return tx(s -> s.events().claim(now, limit, "node", now.plus(Duration.ofMinutes(2))));
    }

    @Nested
    class EventRegistry {

        @Test
        void committedEventsAreNumberedAndClaimedInCommitOrder() {
            EventEnvelope one = event(TENANT_A, "one");
            EventEnvelope two = event(TENANT_B, "two");
            EventEnvelope three = event(TENANT_A, "three");
            tx(s -> {
                s.recordEvents(List.of(one, two));
                return null;
            });
            tx(s -> {
                s.recordEvents(List.of(three));
                return null;
            });

            List<ClaimedEvent> claimed = claim(at(1), 1000);

            assertEquals(List.of(one, two, three), claimed.stream().map(ClaimedEvent::envelope).toList());
            assertTrue(claimed.get(0).seq() < claimed.get(1).seq() && claimed.get(1).seq() < claimed.get(2).seq());
            assertEquals(List.of(), claim(at(1), 1000), "claimed once while the lease runs");
            assertEquals(3, count(s -> s.events().markPublished(claimed, at(1), false)));
            assertEquals(List.of(), claim(at(10), 1000), "published events are gone, even after the lease");
            assertEquals(0L, number(s -> s.events().countPending()));
        }

        @Test
        void aLeadsLaterEventsWaitWhileAnEarlierOneIsHeldOrRetried() {
            LeadId lead = new LeadId(UUID.randomUUID());
            EventEnvelope first = leadEvent(lead, "first");
            EventEnvelope second = leadEvent(lead, "second");
            EventEnvelope other = event(TENANT_A, "other");
            tx(s -> {
                s.recordEvents(List.of(first, second, other));
                return null;
            });

            List<ClaimedEvent> onlyTheFirst = claim(at(1), 1);
            assertEquals(List.of(first), onlyTheFirst.stream().map(ClaimedEvent::envelope).toList());
            List<ClaimedEvent> others = claim(at(1), 1000);
            assertEquals(List.of(other), others.stream().map(ClaimedEvent::envelope).toList(),
                    "the lead's second event waits while its first is claimed elsewhere");
            assertEquals(1, count(s -> s.events().markPublished(others, at(1), false)));
            assertTrue(ok(s -> s.events().recordFailure(onlyTheFirst.get(0), 1, "down", at(5))));
            assertEquals(List.of(), claim(at(4), 1000), "nor while it waits for its retry");
            List<ClaimedEvent> retried = claim(at(5), 1000);
            assertEquals(List.of(first, second), retried.stream().map(ClaimedEvent::envelope).toList());
            assertEquals(1, retried.get(0).attempts());
            assertFalse(retried.get(0).retaken(), "a recorded failure ends the claim");
        }

        @Test
        void aClaimThatEndsWithItsLeaseIsRetakenAndOnlyItsHolderChangesIt() {
            EventEnvelope event = event(TENANT_A, "one");
            tx(s -> {
                s.recordEvents(List.of(event));
                return null;
            });
            ClaimedEvent lost = claim(at(1), 10).get(0);
            assertFalse(lost.retaken());

            ClaimedEvent retaken = claim(at(3), 10).get(0);

            assertTrue(retaken.retaken());
            assertEquals(0, count(s -> s.events().markPublished(List.of(lost), at(3), false)), "overtaken");
            assertFalse(ok(s -> s.events().recordFailure(lost, 1, "late", null)));
            assertFalse(ok(s -> s.events().countAttempt(lost)));
            assertTrue(ok(s -> s.events().countAttempt(retaken)));
            assertEquals(1, count(s -> s.events().markPublished(List.of(retaken), at(3), false)));
        }

        @Test
        void setAsideEventsAreListedAndRetried() {
            EventEnvelope a = event(TENANT_A, "a");
            EventEnvelope b = event(TENANT_B, "b");
            tx(s -> {
                s.recordEvents(List.of(a, b));
                return null;
            });
            for (ClaimedEvent claimed : claim(at(1), 10)) {
                assertTrue(ok(s -> s.events().recordFailure(claimed, 1, "gave up", null)));
            }

            List<SetAsideEvent> setAside = tx(s -> s.events().findSetAside(10));
            assertEquals(List.of(a.id(), b.id()), setAside.stream().map(SetAsideEvent::id).toList());
            assertEquals("gave up", setAside.get(0).lastError());
            assertEquals(1, setAside.get(0).attempts());
            assertEquals(List.of(), claim(at(100), 10), "never claimed while set aside");
            assertFalse(ok(s -> s.events().retry(TENANT_B, a.id())), "retried only within its tenant");
            assertTrue(ok(s -> s.events().retry(TENANT_A, a.id())));
            assertEquals(1, count(s -> s.events().retryAll()));
            List<ClaimedEvent> back = claim(at(100), 10);
            assertEquals(List.of(a, b), back.stream().map(ClaimedEvent::envelope).toList());
            assertEquals(0, back.get(0).attempts(), "with no attempts counted");
        }

        @Test
        void keptEventsArePurgedOnceTheirRetentionIsOver() {
            tx(s -> {
                s.recordEvents(List.of(event(TENANT_A, "a"), event(TENANT_A, "b")));
                return null;
            });
            List<ClaimedEvent> claimed = claim(at(1), 10);
            tx(s -> s.events().markPublished(claimed.subList(0, 1), at(1), true));
            tx(s -> s.events().markPublished(claimed.subList(1, 2), at(2), true));

            assertEquals(2L, number(s -> s.events().countKept()));
            assertEquals(1, count(s -> s.events().purgePublished(at(2), 10)));
            assertEquals(1L, number(s -> s.events().countKept()));
            assertEquals(List.of(), claim(at(100), 10), "kept events are never claimed");
        }

        @Test
        void eventsOfAUnitOfWorkAreNotClaimableBeforeItCommits() throws ExecutionException, InterruptedException {
            tx(s -> {
                s.recordEvents(List.of(event(TENANT_A, "pending")));
                assertEquals(List.of(), s.events().claim(at(1), 10, "node", at(3)));
                return null;
            });
            assertEquals(1, claim(at(1), 10).size());
            assertEquals(List.of(), CompletableFuture.supplyAsync(() -> claim(at(1), 10)).get());
        }

        private static EventEnvelope leadEvent(LeadId lead, String text) {
            return new EventEnvelope(UUID.randomUUID(), TENANT_A, ANNA, T0, new DomainEvent.NoteAdded(lead,
                    new NoteId(UUID.randomUUID())));
        }
    }
}
