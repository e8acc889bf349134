package org.leadmanager.inmemory;

import java.util.Objects;
import org.leadmanager.domain.TenantId;

/** A key scoped to a tenant, so an index lookup can never reach another tenant's entries. */
record TenantKey<K>(TenantId tenant, K key) {

    TenantKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
    }

    static <K> TenantKey<K> of(TenantId tenant, K key) {
        return new TenantKey<>(tenant, key);
    }
}
