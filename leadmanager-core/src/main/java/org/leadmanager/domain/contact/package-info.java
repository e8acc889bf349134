/** The lead manager's copy of a host contact: the card cached on a lead and the fields rules and searches read. */
package org.leadmanager.domain.contact;
