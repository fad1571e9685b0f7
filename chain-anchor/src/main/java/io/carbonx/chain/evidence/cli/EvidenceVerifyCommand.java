package io.carbonx.chain.evidence.cli;

import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code carbonx evidence verify <bundle> --root root.pem}: verifies an evidence bundle offline with
 * {@link EvidenceVerifier} and prints every check. Mount it as the {@code verify} subcommand of an
 * {@code evidence} command in the node's CLI; {@link #main} runs it standalone.
 *
 * <p>Exit codes: {@value #VALID} the bundle is valid; {@value #INVALID} it is not (the failed checks are printed);
 * {@value #USAGE} usage error: missing or unreadable arguments, a root file that is not one PEM or DER
 * certificate.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a CarbonX evidence bundle offline, against the consortium root certificate.",
                "Exit 0 valid, 3 invalid, 2 usage error."})
public final class EvidenceVerifyCommand implements Callable<Integer> {

    /** Exit code: the bundle is valid. */
    public static final int VALID = 0;
    /** Exit code: usage error (picocli's). */
    public static final int USAGE = 2;
    /** Exit code: the bundle is not valid. */
    public static final int INVALID = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bundle>", description = "the evidence bundle (.zip)")
    Path bundle;

    @Option(names = "--root", required = true, paramLabel = "<root.pem>",
            description = "the consortium root CA certificate (PEM or DER), obtained independently of the bundle")
    Path root;

    @Option(names = {"-q", "--quiet"}, description = "print only the verdict and the failed checks")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] zip;
        X509Certificate trusted;
        try {
            zip = Files.readAllBytes(bundle);
        } catch (IOException e) {
            err.println("cannot read bundle " + bundle + ": " + e.getMessage());
            return USAGE;
        }
        try {
            trusted = readCertificate(Files.readAllBytes(root));
        } catch (IOException | GeneralSecurityException e) {
            err.println("cannot read root certificate " + root + ": " + e.getMessage());
            return USAGE;
        }
        VerificationReport report = new EvidenceVerifier().verify(zip, trusted);
        if (quiet) {
            report.failures().forEach(out::println);
            String[] lines = report.render().split("\n");
            out.println(lines[lines.length - 1]);
        } else {
            out.print(report.render());
        }
        out.flush();
        return report.valid() ? VALID : INVALID;
    }

    private static X509Certificate readCertificate(byte[] bytes) throws IOException, GeneralSecurityException {
        byte[] der = Pem.looksLikePem(bytes)
                ? Pem.decodeSingle(new String(bytes, StandardCharsets.US_ASCII), Set.of(Pem.CERTIFICATE)) : bytes;
        return Certificates.fromDer(der);
    }

    /** Runs the command with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new EvidenceVerifyCommand()).setOut(out).setErr(err).execute(args);
    }

    /** Standalone entry point: {@code java -cp ... EvidenceVerifyCommand <bundle> --root root.pem}. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }
}
