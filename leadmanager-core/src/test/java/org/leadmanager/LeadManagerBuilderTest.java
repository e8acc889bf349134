package org.leadmanager;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeadManagerBuilderTest {

    @Test
    void buildNamesEveryMissingSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LeadManager.builder().bulkChunkSize(0).build());
        assertTrue(e.getMessage().contains("store is required"), e.getMessage());
        assertTrue(e.getMessage().contains("contacts is required"), e.getMessage());
        assertTrue(e.getMessage().contains("users is required"), e.getMessage());
        assertTrue(e.getMessage().contains("bulkChunkSize must be between 1 and 10000, was 0"), e.getMessage());
    }
}
