package dev.chatmigrate.adapter.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatmigrate.schema.ChatbotSchema;
import dev.chatmigrate.spi.ScriptPlaceholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.ibatis.migration.Change;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The class path loader: MyBatis's ids, descriptions and {@code @UNDO} sections, from a folder or a jar. */
class ClasspathMigrationLoaderTest {

    private static final ClassLoader CLASS_PATH = ClasspathMigrationLoaderTest.class.getClassLoader();

    private static ClasspathMigrationLoader loader(ClassLoader classLoader) {
        return new ClasspathMigrationLoader(classLoader, MyBatisEngine.SCRIPTS, MyBatisEngine.SCRIPT_NAMES, MyBatisEngine.variables(false));
    }

    private static String read(ClasspathMigrationLoader loader, int id, boolean undo) throws IOException {
        Change change = loader.getMigrations().get(id);
        StringWriter text = new StringWriter();
        try (Reader reader = loader.getScriptReader(change, undo)) {
            reader.transferTo(text);
        }
        return text.toString();
    }

    /** The SQL without comments and blank lines, for comparing scripts that comment differently. */
    /** The statements without comments; a plpgsql body that a {@code -- @DELIMITER /} line set apart ends with a semicolon again. */
    private static String statements(String sql) {
        return sql.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--")).collect(Collectors.joining("\n"))
                .replace("\n/", ";");
    }

    @Test
    @DisplayName("MyBatis id N is version N, described from the file name; id 0 creates the changelog")
    void idsAndDescriptionsComeFromFileNames() {
        List<Change> changes = loader(CLASS_PATH).getMigrations();

        assertThat(changes).extracting(change -> change.getId().intValueExact()).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, ChatbotSchema.LATEST_VERSION).boxed().toList());
        assertThat(changes).extracting(Change::getDescription)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("create changelog"),
                        ChatbotSchema.VERSIONS.stream().map(v -> v.slug().replace('_', ' '))).toList());
    }

    @Test
    @DisplayName("the list of script names is exactly the scripts folder, so no script is forgotten")
    void scriptNamesListTheWholeFolder() throws IOException, URISyntaxException {
        URL folder = CLASS_PATH.getResource(MyBatisEngine.SCRIPTS);
        assertThat(folder).isNotNull();
        assertThat(folder.getProtocol()).as("unit tests read target/classes").isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted()).containsExactlyElementsOf(MyBatisEngine.SCRIPT_NAMES);
        }
    }

    @Test
    @DisplayName("the up part stops at -- //@UNDO, the undo part is only what follows, and ${changelog} is replaced")
    void upAndUndoPartsAreSplitByMyBatis() throws IOException {
        ClasspathMigrationLoader loader = loader(CLASS_PATH);

        assertThat(read(loader, 0, false)).contains("create table if not exists mybatis_changelog (").doesNotContain("drop table").doesNotContain("${");
        assertThat(statements(read(loader, 0, true))).isEqualTo("drop table if exists mybatis_changelog;");
        assertThat(read(loader, 1, false)).contains("create table if not exists conversations").doesNotContain("drop table");
        assertThat(statements(read(loader, 1, true))).isEqualTo("drop table if exists conversations;");
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("dev.chatmigrate.adapter.mybatis.CanonicalSchemaTest#versions")
    @DisplayName("each version's up and undo SQL is the canonical SQL, the same every other engine runs, for either layout of messages")
    void scriptsAreTheCanonicalSql(int version) throws IOException {
        for (boolean partitioned : new boolean[] {false, true}) {
            ClasspathMigrationLoader loader = new ClasspathMigrationLoader(CLASS_PATH, MyBatisEngine.SCRIPTS, MyBatisEngine.SCRIPT_NAMES,
                    MyBatisEngine.variables(partitioned));
            Map<String, String> placeholders = ScriptPlaceholders.values(partitioned);

            assertThat(statements(read(loader, version, false))).isEqualTo(statements(ScriptPlaceholders.replaceIn(canonical(version + ".sql"), placeholders)));
            assertThat(statements(read(loader, version, true)))
                    .isEqualTo(statements(ScriptPlaceholders.replaceIn(canonical(version + ".undo.sql"), placeholders)));
        }
    }

    @Test
    @DisplayName("version 4 builds and drops its index concurrently on a plain messages, and without the word on a partitioned one")
    void version4TakesConcurrentlyFromTheLayout() throws IOException {
        ClasspathMigrationLoader partitioned = new ClasspathMigrationLoader(CLASS_PATH, MyBatisEngine.SCRIPTS, MyBatisEngine.SCRIPT_NAMES,
                MyBatisEngine.variables(true));

        assertThat(statements(read(loader(CLASS_PATH), 4, false))).isEqualTo("create index concurrently if not exists ix_messages_created_at on messages (created_at);");
        assertThat(statements(read(loader(CLASS_PATH), 4, true))).isEqualTo("drop index concurrently if exists ix_messages_created_at;");
        assertThat(statements(read(partitioned, 4, false))).isEqualTo("create index  if not exists ix_messages_created_at on messages (created_at);");
        assertThat(statements(read(partitioned, 4, true))).isEqualTo("drop index  if exists ix_messages_created_at;");
    }

    @Test
    @DisplayName("scripts load from a jar alone, without any directory on disk (mybatis/migrations#122)")
    void loadsFromAJar(@TempDir Path temporary) throws IOException {
        Path jar = temporary.resolve("scripts.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : MyBatisEngine.SCRIPT_NAMES) {
                out.putNextEntry(new JarEntry(MyBatisEngine.SCRIPTS + "/" + name));
                try (InputStream script = CLASS_PATH.getResourceAsStream(MyBatisEngine.SCRIPTS + "/" + name)) {
                    script.transferTo(out);
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader jarOnly = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(jarOnly.getResource(MyBatisEngine.SCRIPTS + "/001_create_conversations.sql").getProtocol()).isEqualTo("jar");

            ClasspathMigrationLoader loader = loader(jarOnly);

            assertThat(loader.getMigrations()).hasSize(MyBatisEngine.SCRIPT_NAMES.size());
            assertThat(read(loader, 4, false)).contains("create index concurrently if not exists ix_messages_created_at");
        }
    }

    @Test
    @DisplayName("a script named otherwise than <id>_<description>.sql is refused with the expected form")
    void refusesBadNames() {
        assertThatThrownBy(() -> new ClasspathMigrationLoader(CLASS_PATH, "db", List.of("V1__create.sql"), new Properties()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<id>_<description>.sql")
                .hasMessageContaining("V1__create.sql");
    }

    private static String canonical(String name) throws IOException {
        try (InputStream in = CLASS_PATH.getResourceAsStream("db/jdbc/" + name)) {
            assertThat(in).as("the canonical script db/jdbc/%s from core", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
