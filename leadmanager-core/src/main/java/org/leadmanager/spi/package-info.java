/**
 * Ports: the host ports a CRM implements (contacts, users, access policy, event publisher, reminder notifier)
 * and the store SPI a storage adapter implements (unit of work, repositories, outbox, follow-up claim queue).
 */
package org.leadmanager.spi;
