package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code lm_relay_lock}: relays lock it (pessimistic write) so that they never run concurrently. */
@Entity(name = "LmRelayLock")
@Table(name = "lm_relay_lock")
class RelayLockEntity {
    static final String OUTBOX = "outbox";

    @Id
    @Column(name = "name", length = 32)
    String name;

    protected RelayLockEntity() {
    }

    RelayLockEntity(String name) {
        this.name = name;
    }
}
