package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.StoreException;

/** The one translation rule for failures the store catches. */
class ErrorsTest {

    @Test
    void aLibraryExceptionAnywhereInTheChainComesOutUnchanged() {
        NotFoundException notFound = new NotFoundException("lead", "42");
        assertSame(notFound, Errors.translate(notFound));
        HostPortException port = new HostPortException("ContactDirectory", "find", "threw",
                new IllegalStateException("directory down"));
        assertSame(port, Errors.translate(new PersistenceException("wrapped by the provider",
                new RuntimeException(port))));
    }

    @Test
    void aDatabaseErrorWithoutLibraryMeaningBecomesAStoreExceptionWithItsStateAndCause() {
        PersistenceException failure = new PersistenceException("could not execute statement",
                new SQLException("ERROR: null value in column \"name\"\n  Detail: Failing row contains (secret)",
                        "23502"));
        RuntimeException translated = Errors.translate(failure);
        StoreException store = assertInstanceOf(StoreException.class, translated);
        assertSame(failure, store.getCause());
        assertTrue(store.getMessage().contains("SQLState 23502"), store.getMessage());
        assertTrue(store.getMessage().contains("null value in column"), store.getMessage());
        assertTrue(!store.getMessage().contains("secret"), "only the first line: " + store.getMessage());
    }

    @Test
    void aProviderFailureWithoutSqlStateAndACheckedFailureBecomeStoreExceptions() {
        PersistenceException provider = new PersistenceException("the EntityManager is closed");
        StoreException store = assertInstanceOf(StoreException.class, Errors.translate(provider));
        assertSame(provider, store.getCause());
        assertEquals("the JPA provider failed: the EntityManager is closed", store.getMessage());
        assertInstanceOf(StoreException.class, Errors.translate(new IOException("disk")));
    }

    @Test
    void lockAndKeyFailuresKeepTheirLibraryMeaning() {
        assertInstanceOf(StaleModificationException.class,
                Errors.translate(new PersistenceException(new OptimisticLockException("version"))));
        assertInstanceOf(StaleModificationException.class,
                Errors.translate(new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        assertInstanceOf(ConflictException.class,
                Errors.translate(new PersistenceException(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void onlyDeadlocksAndSerializationFailuresCountAsBrokenOffByTheDatabase() {
        assertTrue(Errors.brokenOffByDatabase(Errors.translate(
                new PersistenceException(new SQLException("deadlock detected", "40P01")))));
        assertTrue(Errors.brokenOffByDatabase(new SQLException("Deadlock found", "40001", 1213)));
        assertFalse(Errors.brokenOffByDatabase(Errors.translate(
                new PersistenceException(new OptimisticLockException("version")))));
        assertFalse(Errors.brokenOffByDatabase(new SQLException("duplicate key", "23505")));
        assertFalse(Errors.brokenOffByDatabase(new IllegalStateException("work")));
    }

    @Test
    void theWorksOwnExceptionAndMisuseComeOutUnchanged() {
        RuntimeException own = new IllegalArgumentException("the caller's own failure");
        assertSame(own, Errors.translate(own));
        IllegalStateException misuse = new IllegalStateException("not joined to an active transaction");
        assertSame(misuse, Errors.translate(misuse));
    }
}
