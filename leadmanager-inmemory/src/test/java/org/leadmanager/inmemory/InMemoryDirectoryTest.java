package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.leadmanager.BulkResult;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.spi.host.UserInfo;

class InMemoryDirectoryTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId OTHER = TenantId.of("other");
    private static final ContactGroupId FAIR = ContactGroupId.of("fair");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final InMemoryDirectory directory = InMemoryDirectory.create();

    private static ContactId id(String value) {
        return ContactId.of(value);
    }

    @Nested
    class Contacts {

        @Test
        void anAddedContactIsFoundInItsTenantOnly() {
            ContactCard card = new ContactCard("Petra Berg", "petra@berg-bau.de", "+49 30 1234", "Berg Bau GmbH",
                    "Berlin", "https://crm.example/contacts/c-1");

            ContactId petra = directory.addContact(ACME, "c-1", card);

            assertEquals(id("c-1"), petra);
            assertEquals(Optional.of(card), directory.find(ACME, petra));
            assertEquals(Optional.empty(), directory.find(OTHER, petra));
            assertEquals(Optional.empty(), directory.find(ACME, id("c-2")));
        }

        @Test
        void addingAgainReplacesTheCard() {
            directory.addContact(ACME, "c-1", ContactCard.named("Petra Berg"));
            directory.addContact(ACME, "c-1", ContactCard.named("Petra Berg-Lux"));

            assertEquals("Petra Berg-Lux", directory.find(ACME, id("c-1")).orElseThrow().name());
        }

        @Test
        void findAllAnswersInTheOrderAskedAndLeavesOutUnknownAndForeignContacts() {
            directory.addContact(ACME, "c-1", ContactCard.named("Petra"));
            directory.addContact(ACME, "c-2", ContactCard.named("Jonas"));
            directory.addContact(OTHER, "c-3", ContactCard.named("Maria"));

            Map<ContactId, ContactCard> found =
                    directory.findAll(ACME, List.of(id("c-2"), id("c-3"), id("c-9"), id("c-1")));

            assertEquals(List.of(id("c-2"), id("c-1")), List.copyOf(found.keySet()));
            assertEquals("Jonas", found.get(id("c-2")).name());
        }

        @Test
        void aBadIdIsRefusedAndAddsNothing() {
            assertThrows(ValidationException.class, () -> directory.addContact(ACME, " ", ContactCard.named("X")));
            assertThrows(NullPointerException.class, () -> directory.addContact(ACME, "c-1", null));
            assertThrows(NullPointerException.class, () -> directory.addContact(null, "c-1", ContactCard.named("X")));

            assertEquals(Map.of(), directory.findAll(ACME, List.of(id("c-1"))));
        }
    }

    @Nested
    class Users {

        @Test
        void anAddedUserIsFoundInItsTenantOnly() {
            UserId anna = directory.addUser(ACME, "anna", "Anna Schmidt", true, BERLIN);

            assertEquals(Optional.of(new UserInfo(anna, "Anna Schmidt", true, BERLIN)), directory.find(ACME, anna));
            assertTrue(directory.isActive(ACME, anna));
            assertEquals(Optional.empty(), directory.find(OTHER, anna));
            assertFalse(directory.isActive(OTHER, anna));
        }

        @Test
        void addingAgainReplacesTheUserSoAUserCanBeDeactivated() {
            UserId ben = directory.addUser(ACME, "ben", "Ben Weber", true, BERLIN);
            directory.addUser(ACME, "ben", "Ben Weber", false, ZoneOffset.UTC);

            assertFalse(directory.isActive(ACME, ben));
            assertEquals(ZoneOffset.UTC, directory.find(ACME, ben).orElseThrow().zone());
        }

        @Test
        void missingFieldsAreRefused() {
            assertThrows(NullPointerException.class, () -> directory.addUser(ACME, "anna", null, true, BERLIN));
            assertThrows(NullPointerException.class, () -> directory.addUser(ACME, "anna", "Anna", true, null));
            assertThrows(ValidationException.class, () -> directory.addUser(ACME, "", "Anna", true, BERLIN));

            assertEquals(Optional.empty(), directory.find(ACME, UserId.of("anna")));
        }
    }

    @Nested
    class GroupMembers {

        @Test
        void pagesRunInAscendingIdOrderWhateverTheOrderOfJoining() {
            directory.addToGroup(ACME, FAIR, id("c-3"), id("c-1"));
            directory.addToGroup(ACME, FAIR, id("c-5"), id("c-2"), id("c-4"));

            assertEquals(List.of(id("c-1"), id("c-2")), directory.groupMembers(ACME, FAIR, null, 2));
            assertEquals(List.of(id("c-3"), id("c-4")), directory.groupMembers(ACME, FAIR, id("c-2"), 2));
            assertEquals(List.of(id("c-5")), directory.groupMembers(ACME, FAIR, id("c-4"), 2));
            assertEquals(List.of(), directory.groupMembers(ACME, FAIR, id("c-5"), 2));
        }

        @Test
        void afterNeedNotBeAMember() {
            directory.addToGroup(ACME, FAIR, id("a"), id("c"), id("e"));

            assertEquals(List.of(id("c"), id("e")), directory.groupMembers(ACME, FAIR, id("b"), 10));
            assertEquals(List.of(), directory.groupMembers(ACME, FAIR, id("z"), 10));
        }

        @Test
        void everyLimitWalksEveryMemberOnceInOrder() {
            List<ContactId> members =
                    IntStream.rangeClosed(1, 23).mapToObj(i -> id(String.format("c-%02d", i))).toList();
            List<ContactId> joining = new ArrayList<>(members);
            Collections.reverse(joining);
            directory.addToGroup(ACME, FAIR, joining.toArray(ContactId[]::new));

            for (int limit = 1; limit <= 25; limit++) {
                List<ContactId> walked = new ArrayList<>();
                List<ContactId> page = directory.groupMembers(ACME, FAIR, null, limit);
                while (true) {
                    assertTrue(page.size() <= limit, "page larger than " + limit);
                    walked.addAll(page);
                    if (page.size() < limit) {
                        break;
                    }
                    page = directory.groupMembers(ACME, FAIR, page.get(page.size() - 1), limit);
                }
                assertEquals(members, walked, "limit " + limit);
            }
        }

        @Test
        void membersJoinOnceAndNeedNoCard() {
            directory.addToGroup(ACME, FAIR, id("c-1"), id("c-1"));
            directory.addToGroup(ACME, FAIR, id("c-1"));

            assertEquals(List.of(id("c-1")), directory.groupMembers(ACME, FAIR, null, 10));
            assertEquals(Optional.empty(), directory.find(ACME, id("c-1")));
        }

        @Test
        void groupsBelongToTheirTenantAndUnknownGroupsAreEmpty() {
            directory.addToGroup(ACME, FAIR, id("c-1"));

            assertEquals(List.of(), directory.groupMembers(OTHER, FAIR, null, 10));
            assertEquals(List.of(), directory.groupMembers(ACME, ContactGroupId.of("nobody"), null, 10));
        }

        @Test
        void aNullMemberAddsNoneOfTheOthers() {
            assertThrows(NullPointerException.class, () -> directory.addToGroup(ACME, FAIR, id("c-1"), null));

            assertEquals(List.of(), directory.groupMembers(ACME, FAIR, null, 10));
        }

        @Test
        void aLimitBelowOneIsRefused() {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> directory.groupMembers(ACME, FAIR, null, 0));
            assertEquals("limit must be at least 1, was 0", refused.getMessage());
        }
    }

    @Test
    void threadsAddingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        String key = String.format("c-%d-%04d", thread, i);
                        directory.addToGroup(ACME, FAIR, directory.addContact(ACME, key, ContactCard.named(key)));
                        directory.groupMembers(ACME, FAIR, null, 50);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ContactId> members = directory.groupMembers(ACME, FAIR, null, threads * perThread + 1);
        assertEquals(threads * perThread, members.size());
        assertEquals(members.stream().sorted().toList(), members);
        assertEquals(threads * perThread, directory.findAll(ACME, members).size());
    }

    @Test
    void aLeadManagerQualifiesABoundGroupPageByPage() {
        Actor clara = Actor.manager(ACME, directory.addUser(ACME, "clara", "Clara Chef", true, BERLIN));
        Set<ContactId> members = new TreeSet<>();
        for (int i = 1; i <= 1_234; i++) {
            members.add(directory.addContact(ACME, "c-" + i, ContactCard.named("Visitor " + i)));
        }
        directory.addToGroup(ACME, FAIR, members.toArray(ContactId[]::new));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create())
                .contacts(directory).users(directory).build();
        Project project = leads.projects().create(clara, new Projects.Create("Fair", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN)), StatusKey.of("new")));
        leads.projects().bindGroups(clara, project.id(), Set.of(FAIR));

        BulkResult synced = leads.qualification().syncGroups(clara, project.id());

        assertEquals(1_234, synced.added());
        assertEquals(1_234, leads.search().countByStatus(clara, project.id(), LeadCriteria.all()).total());
    }
}
