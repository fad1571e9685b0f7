package io.carbonx.node.cli;

import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.chain.evidence.cli.EvidenceVerifyCommand;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carbonx evidence get|verify}: fetch an evidence bundle from the node, and verify one offline
 * ({@link EvidenceVerifyCommand} of chain-anchor: exit 0 valid, 3 invalid, 2 usage).
 */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence bundles: fetch one from the node (get), verify one offline (verify).",
        subcommands = {EvidenceCommand.GetCommand.class, EvidenceVerifyCommand.class})
final class EvidenceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("carbonx evidence: missing subcommand (get, verify)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** What a bundle is about, with the API's path segment. */
    enum Kind {
        TRADE("trades"), ORDER("orders"), DEFAULT("defaults"), PENALTY("penalties"), PARTICIPANT("participants");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    /** {@code carbonx evidence get KIND ID [-o FILE]}. */
    @Command(name = "get", mixinStandardHelpOptions = true,
            description = {"Download the evidence bundle of a trade, order, default, penalty or participant"
                    + " (GET /api/v1/evidence/{trades|orders|defaults|penalties|participants}/{id}; COURT,"
                    + " ARBITRATOR or REGULATOR), optionally verifying it at once (--verify).",
                    "Exit codes: 0 saved (and valid with --verify), 3 saved but invalid, 5 unknown subject,"
                            + " 6 not allowed, 7 node unreachable, 2 the output file exists (use --force)."})
    static final class GetCommand extends ClientCommand {

        @Parameters(index = "0", paramLabel = "KIND", description = "trade, order, default, penalty or participant.")
        Kind kind;

        @Parameters(index = "1", paramLabel = "ID", description = "Its id (trade id, order id, ...).")
        String id;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "Where to write the bundle (default: <kind>-<id>.zip).")
        Path output;

        @Option(names = "--force", description = "Overwrite the output file.")
        boolean force;

        @Option(names = "--from-ms", paramLabel = "MS", description = "Period start, for a participant bundle.")
        Long fromMs;

        @Option(names = "--to-ms", paramLabel = "MS", description = "Period end (exclusive), for a participant bundle.")
        Long toMs;

        @Option(names = "--verify", description = "Verify the bundle after saving it.")
        boolean verify;

        @Option(names = "--root", paramLabel = "FILE",
                description = "The consortium root certificate to verify against (default with --verify: the node's"
                        + " /api/v1/ca, which is only as trustworthy as the node).")
        Path root;

        @Override
        int run(PrintWriter out) throws IOException {
            Path file = output != null ? output : Path.of(kind.name().toLowerCase(Locale.ROOT) + "-"
                    + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
            require(force || !Files.exists(file), file + " exists; use --force to overwrite it");
            LoggedIn me = login();
            String path = "/api/v1/evidence/" + kind.path + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    .replace("+", "%20") + query();
            ApiResponse r = me.session().get(path, "application/zip")
                    .requireOk("fetching the evidence bundle of " + kind.name().toLowerCase(Locale.ROOT) + " " + id);
            Files.write(file, r.body(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            out.println("Saved the evidence bundle of " + kind.name().toLowerCase(Locale.ROOT) + " " + id + " to " + file
                    + " (" + r.body().length + " bytes, SHA-256 " + sha256(r.body()) + ")");
            if (!verify) {
                out.println("Verify it offline: carbonx evidence verify " + file + " --root root-ca.pem");
                return ExitCodes.OK;
            }
            X509Certificate trusted = root != null ? readRoot(root) : nodeRoot(me.session().client(), out);
            VerificationReport report = new EvidenceVerifier().verify(r.body(), trusted);
            out.print(report.render());
            return report.valid() ? ExitCodes.OK : ExitCodes.INVALID;
        }

        private String query() {
            if (fromMs == null && toMs == null) {
                return "";
            }
            return "?" + (fromMs == null ? "" : "fromMs=" + fromMs) + (fromMs != null && toMs != null ? "&" : "")
                    + (toMs == null ? "" : "toMs=" + toMs);
        }
    }

    /** The node's root certificate ({@code GET /api/v1/ca}), with a note that it comes from the node. */
    static X509Certificate nodeRoot(NodeClient client, PrintWriter out) {
        String pem = client.get("/api/v1/ca", null).requireOk("reading the node's CA certificates").json()
                .getString("rootCertificatePem");
        out.println("note: trusting the root certificate served by " + client.baseUrl() + "/api/v1/ca; pass --root"
                + " with a copy obtained independently for a check that does not trust the node");
        return parse(pem, client.baseUrl() + "/api/v1/ca");
    }

    /** Reads a PEM or DER certificate file. */
    static X509Certificate readRoot(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Pem.looksLikePem(bytes) ? parse(new String(bytes, StandardCharsets.US_ASCII), file.toString())
                    : Certificates.fromDer(bytes);
        } catch (IOException | CertificateException e) {
            throw ClientException.of(ClientException.Kind.USAGE, "cannot read root certificate " + file + ": "
                    + e.getMessage());
        }
    }

    private static X509Certificate parse(String pem, String source) {
        try {
            return Certificates.fromDer(Pem.decodeSingle(pem, Set.of(Pem.CERTIFICATE)));
        } catch (IOException | CertificateException | RuntimeException e) {
            throw ClientException.of(ClientException.Kind.USAGE, source + " is not one PEM certificate: "
                    + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
