package org.leadmanager.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;

/**
 * The README's "Spring Boot" section as a host developer pastes it: its configuration class compiles against the
 * starter's and the in-memory module's classes, every setting it lists is one the starter declares, and a Spring
 * Boot application of that class and those settings (an embedded H2, the starter making the tables) starts with a
 * working {@link LeadManager}.
 */
class ReadmeSpringBootTest {
    private static final Pattern CLASS = Pattern.compile("(?m)^public\\s+class\\s+(\\w+)");
    private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path work;

    @Test
    void theSectionsConfigurationAndSettingsStartAHostWithAWorkingLeadManager() throws Exception {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("\n## Spring Boot"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Class<?> configuration = compile(block(section, "```java"));
        List<String> settings = block(section, "```properties").lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();

        Set<String> declared = declaredSettings();
        for (String line : settings) {
            String key = line.replaceFirst("^#\\s*", "").split("[=\\s]", 2)[0];
            assertTrue(declared.contains(key), "the starter declares " + key + ", listed in the README");
        }
        List<String> given = new ArrayList<>(settings.stream().filter(line -> !line.startsWith("#")).toList());
        given.add("spring.datasource.generate-unique-name=true");
        given.add("spring.main.banner-mode=off");
        try (ConfigurableApplicationContext host = new SpringApplicationBuilder(Host.class, configuration)
                .web(WebApplicationType.NONE).properties(given.toArray(String[]::new)).run()) {
            InMemoryDirectory crm = host.getBean(InMemoryDirectory.class);
            TenantId tenant = TenantId.of("readme");
            UserId anna = crm.addUser(tenant, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
            ContactId petra = crm.addContact(tenant, "c-1", ContactCard.named("Petra Berg"));
            LeadManager leads = host.getBean(LeadManager.class);
            Actor manager = Actor.manager(tenant, anna);
            Project project = leads.projects().create(manager, new Projects.Create("Leadmanager", ProjectKind.PROJECT,
                    List.of(LeadStatus.of("Neu", StatusCategory.OPEN)), StatusKey.fromLabel("Neu")));

            leads.qualification().qualify(manager, project.id(), petra);

            assertEquals(List.of("Petra Berg"), leads.search()
                    .find(manager, LeadQuery.firstPage(project.id(), LeadCriteria.all())).leads()
                    .stream().map(lead -> lead.card().name()).toList());
        }
    }

    /** Spring Boot's auto-configuration, nothing scanned: the README's class is the host's only configuration. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Host {
    }

    /** Every {@code leadmanager.*} setting the starter's generated metadata declares. */
    private static Set<String> declaredSettings() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = ReadmeSpringBootTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertTrue(in != null, "the starter's configuration metadata is on the class path");
            Matcher m = METADATA_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Compiles the class against the jars a host's project has, and loads it. */
    private Class<?> compile(String source) throws Exception {
        Matcher name = CLASS.matcher(source);
        assertTrue(name.find(), "the README's Java block declares a public class");
        Path file = work.resolve(name.group(1) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classPath = List.of(InMemoryDirectory.class, LeadManager.class, Bean.class, AliasFor.class)
                    .stream().map(ReadmeSpringBootTest::jar).collect(Collectors.joining(java.io.File.pathSeparator));
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("-classpath", classPath, "-d",
                    classes.toString(), "--release", "17"), null, files.getJavaFileObjects(file)).call();
            assertTrue(compiled, () -> "the README's configuration compiles: " + diagnostics.getDiagnostics());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSpringBootTest.class.getClassLoader());
        return loader.loadClass(name.group(1));
    }

    private static String jar(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first fenced block that opens with {@code fence}, without its fences. */
    private static String block(String text, String fence) {
        int start = text.indexOf(fence + "\n");
        assertTrue(start >= 0, "the section has a " + fence + " block");
        int from = start + fence.length() + 1;
        return text.substring(from, text.indexOf("\n```", from) + 1);
    }

    /** The repository's README, above this module's folder (which Surefire passes as {@code basedir}). */
    private static Path readme() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path readme = module.resolveSibling("README.md");
        assertTrue(Files.isRegularFile(readme), "the repository's README.md beside " + module);
        return readme;
    }
}
