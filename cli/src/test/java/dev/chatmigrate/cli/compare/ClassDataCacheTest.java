package dev.chatmigrate.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare's forked JVMs start from the class-data cache of the engine each runs. */
class ClassDataCacheTest {

    @TempDir
    Path directory;

    @Test
    @DisplayName("an image's cache of one engine becomes another engine's cache beside it, on JDK 17 and 25 alike")
    void imageCacheOfTheEngine() throws Exception {
        Files.createFile(directory.resolve("chatmigrate-liquibase.jsa"));
        Files.createFile(directory.resolve("chatmigrate-mybatis.aot"));

        assertThat(ClassDataCache.forEngine("-XX:SharedArchiveFile=" + directory.resolve("chatmigrate-flyway.jsa"), "liquibase"))
                .isEqualTo("-XX:SharedArchiveFile=" + directory.resolve("chatmigrate-liquibase.jsa"));
        assertThat(ClassDataCache.forEngine("-XX:AOTCache=" + directory.resolve("chatmigrate-flyway.aot"), "mybatis"))
                .isEqualTo("-XX:AOTCache=" + directory.resolve("chatmigrate-mybatis.aot"));
    }

    @Test
    @DisplayName("the launcher's own cache of one engine becomes another engine's, its JDK and key kept")
    void userCacheOfTheEngine() throws Exception {
        Files.createFile(directory.resolve("chatmigrate-17.0.15+6-Debian-1deb12u1-liquibase-1402319836.jsa"));

        assertThat(ClassDataCache.forEngine("-XX:SharedArchiveFile=" + directory.resolve("chatmigrate-17.0.15+6-Debian-1deb12u1-flyway-1402319836.jsa"),
                "liquibase")).isEqualTo("-XX:SharedArchiveFile=" + directory.resolve("chatmigrate-17.0.15+6-Debian-1deb12u1-liquibase-1402319836.jsa"));
    }

    @Test
    @DisplayName("without a cache of that engine, and for any other option, the option stays as it is")
    void otherwiseUnchanged() {
        String flyway = "-XX:SharedArchiveFile=" + directory.resolve("chatmigrate-flyway.jsa");

        assertThat(ClassDataCache.forEngine(flyway, "jdbc")).isEqualTo(flyway);
        assertThat(ClassDataCache.forEngine("-XX:TieredStopAtLevel=1", "liquibase")).isEqualTo("-XX:TieredStopAtLevel=1");
        assertThat(ClassDataCache.forEngine("-Xlog:cds=off", "liquibase")).isEqualTo("-Xlog:cds=off");
    }
}
