package io.carbonx.node.cli;

import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx login}: signs the node's challenge with the profile's key, obtains a bearer token, and refreshes
 * the profile's certificate. Every other command does the same implicitly; this one shows the outcome, or prints
 * the token alone ({@code --print-token}) for use with curl.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in with the profile's key (sign the node's challenge), fetch the certificate, and show"
                + " who you are. Every command logs in by itself; this checks that it works.",
                "Exit codes: 0 logged in, 6 refused (BAD_SIGNATURE, UNKNOWN_PARTICIPANT: not approved yet,"
                        + " CERTIFICATE_REVOKED), 7 node unreachable, 8 profile problem."})
final class LoginCommand extends ClientCommand {

    @Option(names = "--print-token", description = "Print only the bearer token (e.g. for curl -H \"Authorization:"
            + " Bearer $(carbonx login --print-token)\").")
    boolean printToken;

    @Override
    int run(PrintWriter out) {
        LoggedIn me = login();
        if (printToken) {
            out.println(me.session().token());
            return ExitCodes.OK;
        }
        var p = me.identity().profile();
        out.println("Logged in to " + me.session().client().baseUrl() + " as " + me.session().participantId() + " ("
                + me.session().role() + (p.legalName() == null ? "" : ", '" + p.legalName() + "'") + ") on chain "
                + me.session().chainId());
        out.println("Certificate serial " + p.certificateSerial() + "; token valid until "
                + Instant.ofEpochMilli(me.session().expiresAtMs()));
        out.println("Profile '" + p.name() + "' (" + p.dir() + "), last sequence number "
                + me.identity().sequence().last());
        return ExitCodes.OK;
    }
}
