package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadmanager.BulkResult;
import org.leadmanager.error.HostPortException;
import org.leadmanager.ItemOutcome;
import org.leadmanager.Rejection;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.AccessPolicy;
import org.leadmanager.tck.MisbehavingPorts.Fault;

/**
 * Host ports that throw or break their contract: the caller gets a {@link HostPortException} naming the port and
 * method (with the host's exception as cause when it threw), a single call changes nothing, and a bulk call reports
 * the affected items as rejected and goes on.
 */
public abstract class HostPortsContract extends ContractBase {
    private MisbehavingPorts ports;
    private LeadManager lm;
    private Project project;

    @BeforeEach
    void misbehavingHost() {
        ports = new MisbehavingPorts(fx.contacts, fx.users);
        lm = fx.newLeadManager(b -> b.contacts(ports.contacts()).users(ports.users()).bulkChunkSize(2));
        project = fx.project("Ports");
    }

    private static void assertNames(HostPortException e, String port, String method, Fault fault) {
        assertEquals(port, e.port());
        assertEquals(method, e.method());
        if (fault == Fault.THROWS) {
            assertInstanceOf(MisbehavingPorts.HostFailure.class, e.getCause(), "the host's exception is the cause");
        } else {
            assertNull(e.getCause(), "a broken answer has no cause");
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenContactLookupFailsTypedAndChangesNothing(Fault fault) {
        ContactId contact = fx.contact("Petra Berg");
        ports.breakContacts(fault, contact);
        HostPortException e = rejects(HostPortException.class,
                () -> lm.qualification().qualify(manager(), project.id(), contact));
        assertNames(e, "ContactDirectory", "find", fault);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenCardRefreshFailsTypedAndChangesNothing(Fault fault) {
        Lead lead = fx.lead(project.id(), "Jonas Kahn");
        ports.breakContacts(fault, lead.contact());
        HostPortException e = rejects(HostPortException.class, () -> lm.leads().refreshCard(manager(), lead.id()));
        assertNames(e, "ContactDirectory", "find", fault);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void bulkQualificationRejectsTheItemsOfABrokenChunkAndGoesOn(Fault fault) {
        List<ContactId> contacts = fx.contacts(5, "Bulk");
        ports.breakContacts(fault, contacts.get(2));
        BulkResult result = lm.qualification().qualifyAll(manager(), project.id(), contacts);
        assertEquals(5, result.processed());
        assertEquals(3, result.added(), "the chunks before and after the broken one are qualified");
        assertEquals(List.of(contacts.get(2), contacts.get(3)),
                result.rejected().stream().map(ItemOutcome::contact).toList());
        for (ItemOutcome.Rejected rejected : result.rejected()) {
            Rejection.HostFailed reason = assertInstanceOf(Rejection.HostFailed.class, rejected.reason());
            assertTrue(reason.message().startsWith("ContactDirectory.findAll "), reason.message());
        }
        assertEquals(3, fx.snapshot().leads().size());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenGroupPageStopsTheSyncTyped(Fault fault) {
        ContactGroupId group = ContactGroupId.of("newsletter");
        fx.contacts.addToGroup(fx.tenant, group, fx.contacts(3, "Member"));
        fx.lm.projects().bindGroups(manager(), project.id(), Set.of(group));
        ports.breakGroup(fault, group);
        HostPortException e = rejects(HostPortException.class,
                () -> lm.qualification().syncGroups(manager(), project.id()));
        assertNames(e, "ContactDirectory", "groupMembers", fault);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROWS", "RETURNS_NULL"})
    void aBrokenUserLookupFailsTypedAndChangesNothing(Fault fault) {
        Lead lead = fx.lead(project.id(), "Erika Mustermann");
        ports.breakUser(fault, fx.alice);
        HostPortException assign = rejects(HostPortException.class,
                () -> lm.leads().assign(manager(), lead.id(), fx.alice));
        assertEquals("UserDirectory", assign.port());
        HostPortException overview = rejects(HostPortException.class,
                () -> lm.followUps().overview(manager(), fx.alice));
        assertNames(overview, "UserDirectory", "find", fault);
    }

    /** A team's availability the host cannot tell fails qualification typed, with nothing assigned or stored. */
    @ParameterizedTest
    @EnumSource(Fault.class)
    void aBrokenAvailabilityFailsAssignmentTypedAndChangesNothing(Fault fault) {
        Project team = fx.project("Team ports", org.leadmanager.domain.project.AssignmentPolicy.roundRobin(),
                fx.alice, fx.bob);
        ContactId contact = fx.contact("Petra Berg");
        ports.breakAvailability(fault, fx.bob);
        HostPortException e = rejects(HostPortException.class,
                () -> lm.qualification().qualify(manager(), team.id(), contact));
        assertNames(e, "UserDirectory", "availability", fault);
    }

    @Test
    void aThrowingAccessPolicyFailsTyped() {
        Lead lead = fx.lead(project.id(), "Ana Lima");
        LeadManager strict = fx.newLeadManager(b -> b.accessPolicy(new AccessPolicy() {
            @Override
            public boolean canConfigure(Actor actor) {
                throw new MisbehavingPorts.HostFailure("policy service down");
            }

            @Override
            public boolean canView(Actor actor, Project p) {
                throw new MisbehavingPorts.HostFailure("policy service down");
            }

            @Override
            public boolean canChange(Actor actor, Project p, Lead l) {
                throw new MisbehavingPorts.HostFailure("policy service down");
            }
        }));
        HostPortException e = rejects(HostPortException.class, () -> strict.projects().list(manager()));
        assertNames(e, "AccessPolicy", "canView", Fault.THROWS);
        rejects(HostPortException.class, () -> strict.leads().changeStatus(manager(), lead.id(), TckFixture.CONTACTED));
    }
}
