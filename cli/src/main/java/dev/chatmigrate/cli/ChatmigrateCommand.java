package dev.chatmigrate.cli;

import dev.chatmigrate.core.Chatmigrate;
import dev.chatmigrate.core.ChatmigrateConfiguration;
import dev.chatmigrate.core.Setting;
import dev.chatmigrate.spi.Secrets;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code chatmigrate}: keeps the chatbot's PostgreSQL schema ({@code conversations}, {@code messages})
 * at the canonical version with the configured engine.
 */
@Command(name = "chatmigrate",
        mixinStandardHelpOptions = true,
        versionProvider = ChatmigrateCommand.Version.class, resourceBundle = "dev.chatmigrate.cli.HelpValues",
        description = "Keeps the chatbot's PostgreSQL schema (conversations, messages) correct with Flyway, Liquibase or MyBatis Migrations.",
        footer = {"", "Settings: flags > environment (CHATMIGRATE_ENGINE, DATABASE_URL, ...) > system properties > chatmigrate.properties > defaults.",
                "Exit codes: 0 ok, 1 step failed, 2 bad usage or configuration, 3 cannot connect, 4 schema drift or conflict,",
                "5 lock timeout, 6 refused data loss, 7 migrated but a standby had not replayed it within CHATMIGRATE_REPLICA_WAIT."})
public final class ChatmigrateCommand {

    // The descriptions come from Setting through HelpValues ("setting." and the key); SettingFlagsTest keeps names in step.
    @Option(names = "--engine", scope = ScopeType.INHERIT, paramLabel = "ID", descriptionKey = "setting.engine")
    String engine;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", descriptionKey = "setting.url")
    String url;

    @Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "NAME", descriptionKey = "setting.schema")
    String schema;

    @Option(names = "--convert-ids", scope = ScopeType.INHERIT, descriptionKey = "setting.convert-ids")
    Boolean convertIds;

    @Option(names = "--lowercase-roles", scope = ScopeType.INHERIT, descriptionKey = "setting.lowercase-roles")
    Boolean lowercaseRoles;

    @Option(names = "--timestamp-zone", scope = ScopeType.INHERIT, paramLabel = "ZONE", descriptionKey = "setting.timestamp-zone")
    String timestampZone;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show logs and stack traces.")
    boolean verbose;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the result (or the error) as one JSON document on standard output.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(MigrateCommand.class, PlanCommand.class, StatusCommand.class, VerifyCommand.class,
            DowngradeCommand.class, PartitionCommand.class, CompareCommand.class);

    final Map<String, String> environment;

    ChatmigrateCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with {@code environment} in place of the process environment; returns the exit code. */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ChatmigrateCommand(environment));
        subcommandsNamedIn(args).forEach(commandLine::addSubcommand);
        commandLine.setOut(out).setErr(err);
        commandLine.setParameterExceptionHandler(ChatmigrateCommand::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> failure(cmd, e));
        return commandLine.execute(args);
    }

    /**
     * The subcommands {@code args} name, or all of them when it names none (help, a typo): picocli builds the model of
     * every subcommand it is given, by reflection, which cost a restart about 15 ms for five it does not run
     * (docs/performance.md). A word that is a value, as in {@code --schema status migrate}, only adds one more.
     */
    static List<Class<?>> subcommandsNamedIn(String... args) {
        List<String> words = Arrays.asList(args);
        List<Class<?>> named = SUBCOMMANDS.stream().filter(command -> words.contains(command.getAnnotation(Command.class).name())).toList();
        return named.isEmpty() ? SUBCOMMANDS : named;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("chatmigrate: " + Secrets.redact(e.getMessage()) + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
        return 2;
    }

    private static int failure(CommandLine commandLine, Exception e) {
        PrintWriter err = commandLine.getErr();
        ChatmigrateCommand root = commandLine.getCommandSpec().root().commandLine().getCommand();
        int exitCode = Failures.exitCode(e);
        String advice = Failures.advice(e);
        String message = Secrets.redact(e.getMessage()) + (advice.isEmpty() ? "" : " " + advice);
        if (root.json) {
            JsonOutput.failure(commandLine.getOut(), message, exitCode);
        }
        err.println("chatmigrate: " + message);
        if (root.verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /**
     * The one configuration (docs/design.md, "Configuration"): this command's flags, plus {@code extra} (when its value
     * is not {@code null}), over the environment, system properties and {@code chatmigrate.properties}.
     */
    ChatmigrateConfiguration configuration(Setting extra, String extraValue) {
        Map<Setting, String> extras = new EnumMap<>(Setting.class);
        if (extra != null) {
            extras.put(extra, extraValue);
        }
        return configuration(extras);
    }

    /** The configuration with this command's flags, plus a subcommand's {@code extras} (those whose value is not {@code null}). */
    ChatmigrateConfiguration configuration(Map<Setting, String> extras) {
        return configure(Chatmigrate.configure(), extras);
    }

    /** {@code configuration} with this command's sources: its flags and {@code extras}, the environment, the file. */
    ChatmigrateConfiguration configure(ChatmigrateConfiguration configuration, Map<Setting, String> extras) {
        CliLogging.verbose(verbose);
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.ENGINE, engine);
        flags.put(Setting.DATABASE_URL, url);
        flags.put(Setting.SCHEMA, schema);
        flags.put(Setting.CONVERT_IDS, convertIds == null ? null : convertIds.toString());
        flags.put(Setting.LOWERCASE_ROLES, lowercaseRoles == null ? null : lowercaseRoles.toString());
        flags.put(Setting.TIMESTAMP_ZONE, timestampZone);
        flags.putAll(extras);
        flags.values().removeIf(java.util.Objects::isNull);
        return configuration.environment(environment).systemProperties().propertiesFile().flags(flags);
    }

    /** The configuration with this command's flags. */
    ChatmigrateConfiguration configuration() {
        return configuration(null, null);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ChatmigrateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"chatmigrate " + (version == null ? "(development build)" : version)};
        }
    }
}
