package dev.chatmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatmigrate.core.Setting;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command's flags are those {@link Setting} declares, and their help is Setting's description, variable and default. */
class SettingFlagsTest {

    @Test
    @DisplayName("every flag Setting declares is an option of migrate, with Setting's help")
    void everyDeclaredFlagIsAnOptionWithItsHelp() {
        CommandLine commandLine = new CommandLine(new ChatmigrateCommand(Map.of()));
        ChatmigrateCommand.SUBCOMMANDS.forEach(commandLine::addSubcommand);
        CommandLine migrate = commandLine.getSubcommands().get("migrate");

        for (Setting setting : Setting.values()) {
            setting.flag().ifPresent(flag -> {
                assertThat(migrate.getCommandSpec().findOption(flag)).as(flag).isNotNull();
                if (setting != Setting.TARGET) {
                    assertThat(String.join(" ", migrate.getCommandSpec().findOption(flag).description())).as(flag)
                            .isEqualTo(HelpValues.help(setting));
                }
            });
        }
    }

    @Test
    @DisplayName("the help shows each flag's variable and default")
    void theHelpShowsVariablesAndDefaults() {
        StringWriter out = new StringWriter();
        int exitCode = ChatmigrateCommand.run(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "migrate", "--help");

        assertThat(exitCode).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("(CHATMIGRATE_ENGINE; default flyway)").contains("(CHATMIGRATE_TIMESTAMP_ZONE; default UTC)")
                .contains("(DATABASE_URL; default none: the command starts an embedded PostgreSQL)");
    }
}
