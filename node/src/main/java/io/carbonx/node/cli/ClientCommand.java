package io.carbonx.node.cli;

import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.Identity;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * Base of the commands that talk to a node: runs {@link #run}, and turns a {@link ClientException} into one line
 * {@code carbonx <command>: <message>} on stderr and the exit code of its kind ({@link ExitCodes}).
 */
abstract class ClientCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClientOptions options;

    /** Does the work; returns the exit code. */
    abstract int run(PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            int code = run(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        } catch (ClientException e) {
            spec.commandLine().getOut().flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("carbonx " + spec.qualifiedName(" ").replaceFirst("^carbonx ", "") + ": " + e.getMessage());
            err.flush();
            return exitCode(e.kind());
        }
    }

    /** The exit code of a failure kind. */
    static int exitCode(ClientException.Kind kind) {
        return switch (kind) {
            case REFUSED -> ExitCodes.REFUSED;
            case NOT_FOUND -> ExitCodes.NOT_FOUND;
            case DENIED -> ExitCodes.DENIED;
            case UNAVAILABLE -> ExitCodes.UNAVAILABLE;
            case PROFILE -> ExitCodes.PROFILE;
            case USAGE -> ExitCodes.USAGE;
            case FAILURE -> ExitCodes.FAILURE;
        };
    }

    /** Opens the profile chosen by the options. */
    Identity identity() {
        return Identity.open(options.store(), options.profile, options.passphrase());
    }

    /** Opens the profile and logs in with the node. */
    LoggedIn login() {
        Identity id = identity();
        NodeClient client = options.client(id.profile());
        return new LoggedIn(id, id.login(client));
    }

    /** A profile and its session. */
    record LoggedIn(Identity identity, Session session) {
    }

    /** Fails with a usage error when {@code ok} is false. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw ClientException.of(ClientException.Kind.USAGE, message);
        }
    }
}
