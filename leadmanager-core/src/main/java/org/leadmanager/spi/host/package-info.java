/**
 * Host ports: what a CRM implements to embed the lead manager. {@link org.leadmanager.spi.host.ContactDirectory}
 * and {@link org.leadmanager.spi.host.UserDirectory} answer about the host's contacts and users,
 * {@link org.leadmanager.spi.host.AccessPolicy} decides who may see and change what,
 * {@link org.leadmanager.spi.host.EventPublisher} receives committed events and
 * {@link org.leadmanager.spi.host.ReminderNotifier} delivers due follow-ups. Every call into a port is guarded: a
 * failure or an impossible answer becomes {@link org.leadmanager.error.HostPortException}.
 */
package org.leadmanager.spi.host;
