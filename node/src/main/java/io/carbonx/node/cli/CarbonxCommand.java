package io.carbonx.node.cli;

import io.carbonx.chain.evidence.cli.EvidenceVerifyCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code carbonx}: the top-level command. Subcommands: {@code run}, {@code demo}, {@code version}, and the client
 * commands that talk to a running node for each kind of user (register, approve, login, profile, order, orders,
 * holdings, surrender, evidence, chain, replay). Exit codes: {@link ExitCodes}. Enum values (roles, sides, ...) are
 * accepted in any case.
 */
@Command(name = "carbonx", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "CarbonX: a reactive, event-sourced carbon credit exchange.",
        subcommands = {RunCommand.class, DemoCommand.class, VersionCommand.class, RegisterCommand.class,
            ApproveCommand.class, LoginCommand.class, ProfileCommand.class, OrderCommand.class, OrdersCommand.class,
            HoldingsCommand.class, SurrenderCommand.class, EvidenceCommand.class, ChainCommand.class, ReplayCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.FAILURE)
public final class CarbonxCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line; returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length >= 2 && "evidence".equals(args[0]) && "verify".equals(args[1])) {
            return configure(new CommandLine(new EvidenceVerifyCommand()).setCommandName("carbonx evidence verify"),
                    out, err).execute(Arrays.copyOfRange(args, 2, args.length));
        }
        return configure(new CommandLine(new CarbonxCommand()), out, err).execute(args);
    }

    /**
     * The settings every command line of {@code carbonx} gets. {@code carbonx evidence verify} (offline, often run
     * alone on a fresh JVM) gets a command line of its own command only: picocli then builds the model of one
     * command, not of the whole tree (whose option types load the event contract's Avro schemas); same options,
     * help, usage text and exit codes as under {@code carbonx evidence}.
     */
    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("carbonx: " + e.getMessage());
            return ExitCodes.FAILURE;
        });
        return cli;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("carbonx: missing command");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }
}
