package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.leadmanager.LeadManager;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.spi.store.LeadStore;

/**
 * Base of every capability contract: a fresh {@link TckFixture} per test on the store under test, and the
 * assertions the contracts share. {@link LeadManagerContract} runs all capability contracts; a host may also
 * subclass a single one, implementing {@link #store()}.
 */
public abstract class ContractBase {

    /** The fixture of the running test. */
    protected TckFixture fx;

    /**
     * The store under test. Called once per test; may return one shared store, since every test works in a tenant
     * of its own.
     */
    protected abstract LeadStore store();

    @BeforeEach
    void createFixture() {
        fx = TckFixture.create(store());
    }

    protected LeadManager lm() {
        return fx.lm;
    }

    protected Actor manager() {
        return fx.manager;
    }

    /**
     * Asserts that the call throws exactly {@code type} and changes nothing the fixture tenant's manager can see,
     * publishing no event.
     */
    protected <E extends LeadManagerException> E rejects(Class<E> type, Executable call) {
        return rejects(fx, type, call);
    }

    /** Like {@link #rejects(Class, Executable)}, checking the state of another fixture's tenant. */
    protected static <E extends LeadManagerException> E rejects(TckFixture watched, Class<E> type, Executable call) {
        TenantSnapshot before = watched.snapshot();
        E error = assertThrowsExactly(type, call);
        assertEquals(before, watched.snapshot(), "a rejected call must change nothing: " + error.getMessage());
        return error;
    }

    /** Like {@link #rejects(Class, Executable)} for a {@link ValidationException} that names {@code path}. */
    protected ValidationException rejectsInput(String path, Executable call) {
        ValidationException error = rejects(ValidationException.class, call);
        assertViolation(error, path);
        return error;
    }

    /** Asserts that the exception lists a violation at exactly this path. */
    protected static void assertViolation(ValidationException error, String path) {
        List<String> paths = error.violations().stream().map(ValidationException.Violation::path).toList();
        assertTrue(paths.contains(path), "expected a violation at '" + path + "', got " + error.violations());
    }
}
