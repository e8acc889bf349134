package org.leadmanager.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.classmate.TypeResolver;
import jakarta.validation.Validation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.hibernate.validator.HibernateValidator;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadmanager.LeadManager;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.slf4j.LoggerFactory;

/**
 * The README's quick start, as a host developer pastes it: the first Java block after "## Quick start" is compiled
 * against leadmanager-core and leadmanager-inmemory and their runtime dependencies only (neither these examples nor
 * the contract kit), then run in a class loader of its own.
 */
class ReadmeQuickStartTest {
    private static final Pattern CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /**
     * One class of each artifact the quick start may use: the two modules of its Maven block and what leadmanager-core
     * brings at runtime (Hibernate Validator with its own dependencies, and the SLF4J API).
     */
    private static final List<Class<?>> HOST_CLASS_PATH = List.of(LeadManager.class, InMemoryLeadStore.class,
            Validation.class, HibernateValidator.class, Logger.class, TypeResolver.class, LoggerFactory.class);

    @TempDir
    Path work;

    @Test
    void compilesAndRunsAgainstCoreAndInMemoryAloneAndPrintsWhatTheReadmeShows() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String source = quickStartBlock(readme);
        String className = qualifiedClassName(source);

        String out = runMain(className, compile(className, source), hostClassPath());

        List<String> expected = printedBlock(readme).lines().toList();
        List<String> printed = out.lines().toList();
        assertEquals(expected.size(), printed.size(),
                () -> "the README shows\n" + String.join("\n", expected) + "\nbut it printed\n" + out);
        for (int i = 0; i < expected.size(); i++) {
            int n = i;
            assertTrue(shows(expected.get(i), printed.get(i)), () -> "line " + (n + 1) + ": the README shows '"
                    + expected.get(n) + "' but it printed '" + printed.get(n) + "'");
        }
    }

    /**
     * The same quick start in a named module of a host that uses the module path: the library's module descriptors
     * export and open what it needs (the validator reads the API's constraints reflectively).
     */
    @Test
    void runsAsANamedModuleOnTheModulePath() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String pasted = quickStartBlock(readme);
        assertFalse(PACKAGE.matcher(pasted).find(), "the quick start declares a package of its own");
        String source = "package quickstart;\n" + pasted;
        String className = "quickstart." + qualifiedClassName(pasted);
        Path moduleInfo = work.resolve("src").resolve("module-info.java");
        Files.createDirectories(moduleInfo.getParent());
        Files.writeString(moduleInfo, "module quickstart { requires org.leadmanager.inmemory; exports quickstart; }\n",
                StandardCharsets.UTF_8);

        Path classes = compile(className, source, List.of("--module-path"), moduleInfo);
        ModuleFinder finder = ModuleFinder.of(concat(classes, hostClassPath()).toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("quickstart"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());
        assertTrue(layer.findModule("org.leadmanager.core").isPresent(), "the core resolved as a named module");

        String out = invokeMain(layer.findLoader("quickstart"), className);
        assertTrue(out.contains("Petra Berg, Berg Bau GmbH: Contacted, Anna Schmidt"), out);
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    @Test
    void aQuickStartThatUsesAClassOfTheExamplesDoesNotCompile() throws Exception {
        String pasted = quickStartBlock(Files.readString(readme(), StandardCharsets.UTF_8));
        String source = pasted.replace("LeadManager leads = ",
                "new org.leadmanager.examples.Table(\"not in the host's jars\"); LeadManager leads = ");
        assertNotEquals(pasted, source, "the quick start no longer builds a LeadManager");

        AssertionError refused = assertThrows(AssertionError.class, () -> compile(qualifiedClassName(source), source));
        assertTrue(refused.getMessage().contains("package org.leadmanager.examples does not exist"),
                refused.getMessage());
    }

    /** Whether the line printed is the line shown; dates depend on the day of the run, so any date matches one. */
    private static boolean shows(String shown, String printed) {
        String date = "\\d{4}-\\d{2}-\\d{2}";
        return printed.matches(Arrays.stream(shown.split(date, -1)).map(Pattern::quote)
                .collect(Collectors.joining(date)));
    }

    /** README.md of the repository: in the working directory (the examples module) or one of its parents. */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("leadmanager-core"))) {
                return candidate;
            }
        }
        throw new AssertionError("no README.md beside leadmanager-core above " + Path.of("").toAbsolutePath());
    }

    /** The first ```java block after the "## Quick start" heading, verbatim. */
    private static String quickStartBlock(String readme) {
        return block(readme, "```java", "## Quick start");
    }

    /** What the README says the quick start prints: the first ```text block after its Java block. */
    private static String printedBlock(String readme) {
        return block(readme, "```text", "```java");
    }

    /** The first block opened by the fence after the first line {@code after} that follows "## Quick start". */
    private static String block(String readme, String fence, String after) {
        List<String> lines = readme.lines().toList();
        int from = lines.indexOf("## Quick start");
        assertTrue(from >= 0, "README.md has no '## Quick start' heading");
        while (from < lines.size() && !lines.get(from).equals(after)) {
            from++;
        }
        int open = from + 1;
        while (open < lines.size() && !lines.get(open).equals(fence)) {
            assertFalse(lines.get(open).startsWith("## "), () -> "no " + fence + " block in the quick start section");
            open++;
        }
        assertTrue(open < lines.size(), () -> "no " + fence + " block in the quick start section");
        int close = open + 1;
        while (close < lines.size() && !lines.get(close).equals("```")) {
            close++;
        }
        assertTrue(close < lines.size(), () -> "the quick start's " + fence + " block is not closed");
        return lines.subList(open + 1, close).stream().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String qualifiedClassName(String source) {
        Matcher type = CLASS.matcher(source);
        assertTrue(type.find(), () -> "the quick start declares no public class:\n" + source);
        Matcher pack = PACKAGE.matcher(source);
        return pack.find() ? pack.group(1) + "." + type.group(1) : type.group(1);
    }

    private static List<Path> hostClassPath() throws URISyntaxException {
        Set<Path> paths = new LinkedHashSet<>();
        for (Class<?> type : HOST_CLASS_PATH) {
            paths.add(codeSource(type));
        }
        return List.copyOf(paths);
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Compiles the source against the host class path alone (for Java 17) and returns the class directory. */
    private Path compile(String className, String source) throws IOException, URISyntaxException {
        return compile(className, source, List.of("-classpath"), null);
    }

    /**
     * Compiles the source (and the module descriptor, if any) with the host's jars on the path named by
     * {@code pathOption} ({@code -classpath} or {@code --module-path}).
     */
    private Path compile(String className, String source, List<String> pathOption, Path moduleInfo)
            throws IOException, URISyntaxException {
        List<Path> classPath = hostClassPath();
        Path sourceFile = work.resolve("src").resolve(className.replace('.', File.separatorChar) + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        Path classes = Files.createTempDirectory(work, "classes");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: run the build on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            String joined = classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-proc:none"));
            options.addAll(pathOption);
            options.addAll(List.of(joined, "-d", classes.toString()));
            List<Path> sources = moduleInfo == null ? List.of(sourceFile) : List.of(moduleInfo, sourceFile);
            boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(compiled, () -> "the README's quick start does not compile:\n" + diagnostics.getDiagnostics()
                    .stream().map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n")));
        }
        return classes;
    }

    /** Runs main in a class loader that sees the JDK and the given class path only, and returns what it printed. */
    private static String runMain(String className, Path classes, List<Path> classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (Path path : classPath) {
            urls.add(path.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            return invokeMain(loader, className);
        }
    }

    /** Calls main of the class in the loader, with the loader as context loader; returns what it printed. */
    private static String invokeMain(ClassLoader loader, String className) throws Exception {
        PrintStream originalOut = System.out;
        Thread thread = Thread.currentThread();
        ClassLoader originalContext = thread.getContextClassLoader();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            thread.setContextClassLoader(loader);
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException failed) {
            throw new AssertionError("the README's quick start failed:\n" + buffer.toString(StandardCharsets.UTF_8),
                    failed.getCause());
        } finally {
            thread.setContextClassLoader(originalContext);
            System.setOut(originalOut);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        originalOut.print(output);
        return output;
    }
}
