package dev.chatmigrate.adapter.mybatis;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.migration.Change;
import org.apache.ibatis.migration.MigrationException;
import org.apache.ibatis.migration.MigrationLoader;
import org.apache.ibatis.migration.MigrationReader;

/**
 * A MyBatis {@link MigrationLoader} over class path resources, so scripts load from inside a packaged jar
 * on a read-only file system (MyBatis's {@code FileMigrationLoader} needs a real directory:
 * mybatis/migrations#122). A class loader cannot list a directory inside a jar, so the script names are
 * given; each is {@code <id>_<description words>.sql}, as MyBatis names them. Scripts are read with
 * MyBatis's own {@link MigrationReader}, which splits them at {@code -- //@UNDO} and replaces
 * {@code ${variables}}.
 */
final class ClasspathMigrationLoader implements MigrationLoader {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)_(\\w+)\\.sql");

    private final ClassLoader classLoader;
    private final String location;
    private final List<String> fileNames;
    private final Properties variables;

    /**
     * @param location  the resource folder, such as {@code db/mybatis/scripts}
     * @param fileNames the scripts in that folder, each {@code <id>_<description>.sql}
     * @param variables what MyBatis replaces {@code ${name}} with in the scripts
     */
    ClasspathMigrationLoader(ClassLoader classLoader, String location, List<String> fileNames, Properties variables) {
        this.classLoader = classLoader;
        this.location = location;
        this.fileNames = List.copyOf(fileNames);
        this.variables = variables;
        fileNames.forEach(ClasspathMigrationLoader::checkName);
    }

    /** A new, mutable list (MyBatis sorts it in place) of one {@link Change} per script, in file name order. */
    @Override
    public List<Change> getMigrations() {
        List<Change> changes = new ArrayList<>();
        for (String fileName : fileNames) {
            Matcher name = checkName(fileName);
            Change change = new Change(new BigDecimal(name.group(1)));
            change.setDescription(name.group(2).replace('_', ' '));
            change.setFilename(fileName);
            changes.add(change);
        }
        return changes;
    }

    /** The script's part before {@code -- //@UNDO}, or after it when {@code undo}. */
    @Override
    public Reader getScriptReader(Change change, boolean undo) {
        return new MigrationReader(open(change.getFilename()), StandardCharsets.UTF_8.name(), undo, variables);
    }

    /** None: chatmigrate's scripts need no bootstrap (MyBatis's {@code migrate bootstrap}). */
    @Override
    public Reader getBootstrapReader() {
        return null;
    }

    /** None: a failed script rolls back its own transaction, so there is nothing to run on abort. */
    @Override
    public Reader getOnAbortReader() {
        return null;
    }

    private InputStream open(String fileName) {
        InputStream in = classLoader.getResourceAsStream(location + "/" + fileName);
        if (in == null) {
            throw new MigrationException("The MyBatis script " + location + "/" + fileName + " is not on the class path.");
        }
        return in;
    }

    private static Matcher checkName(String fileName) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException("A MyBatis script is named <id>_<description>.sql, such as 001_create_conversations.sql;"
                    + " found " + fileName);
        }
        return name;
    }
}
