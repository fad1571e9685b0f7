package io.carbonx.node.cli;

import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.KeyFiles;
import io.carbonx.node.client.Profile;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carbonx profile list|show|import}: the local profiles. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Local profiles: list them, show one, or import an existing key and certificate (e.g. the"
                + " node's bootstrap regulator: <data>/services/registry/ca/bootstrap.key.pem and bootstrap.pem).",
        subcommands = {ProfileCommand.ListCommand.class, ProfileCommand.ShowCommand.class,
            ProfileCommand.ImportCommand.class})
final class ProfileCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("carbonx profile: missing subcommand (list, show, import)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** {@code carbonx profile list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the local profiles.")
    static final class ListCommand extends ClientCommand {
        @Override
        int run(PrintWriter out) {
            ProfileStore store = options.store();
            for (String name : store.list()) {
                Profile p = store.load(name);
                out.printf("%-16s %-26s %-10s %s%n", name, p.participantId() == null ? "(not registered)"
                        : p.participantId(), p.role() == null ? "" : p.role(), p.legalName() == null ? ""
                        : p.legalName());
            }
            if (store.list().isEmpty()) {
                out.println("no profiles in " + store.base());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code carbonx profile show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a profile (no secrets).")
    static final class ShowCommand extends ClientCommand {
        @Override
        int run(PrintWriter out) {
            ProfileStore store = options.store();
            Profile p = store.load(options.profile);
            out.println("profile        " + p.name() + " (" + p.dir() + ")");
            out.println("participant    " + (p.participantId() == null ? "(not registered)" : p.participantId()));
            out.println("role           " + p.role());
            out.println("legal name     " + p.legalName());
            out.println("node           " + p.url());
            out.println("certificate    " + (p.certificateSerial() == null ? "(not yet fetched)"
                    : "serial " + p.certificateSerial()));
            out.println("key            " + (p.keyEncrypted() ? "encrypted (needs --key-passphrase-file)"
                    : "plain PKCS#8, owner-only file"));
            out.println("last sequence  " + store.sequence(p).last());
            return ExitCodes.OK;
        }
    }

    /** {@code carbonx profile import --key FILE --cert FILE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an existing key and certificate as a profile (the key may be encrypted PKCS#8:"
                    + " give --key-passphrase-file; the stored key stays encrypted under the same passphrase).",
                    "Exit codes: 0 imported, 2 unreadable files, 8 the profile exists or key and certificate"
                            + " differ."})
    static final class ImportCommand extends ClientCommand {

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "PEM private key.")
        Path keyFile;

        @Option(names = "--cert", required = true, paramLabel = "FILE", description = "PEM certificate.")
        Path certFile;

        @Override
        int run(PrintWriter out) {
            X509Certificate cert = readCertificate(certFile);
            char[] passphrase = options.passphrase();
            PrivateKey key = KeyFiles.readPrivateKey(read(keyFile), passphrase, keyFile.toString());
            try {
                EncryptedKeys.requireMatch(key, cert.getPublicKey(), keyFile.toString());
            } catch (IdentityStoreException e) {
                throw ClientException.of(ClientException.Kind.PROFILE, keyFile + " is not the key of " + certFile);
            }
            ParticipantIdentity id;
            try {
                id = ParticipantIdentity.of(cert);
            } catch (java.security.cert.CertificateParsingException e) {
                throw ClientException.of(ClientException.Kind.USAGE, certFile + " is not a CarbonX participant"
                        + " certificate: " + e.getMessage());
            }
            ProfileStore store = options.store();
            Profile p = store.create(new Profile(options.profile, store.dir(options.profile), options.url,
                    id.participantId(), id.role().name(), id.legalName(), cert.getSerialNumber().toString(16),
                    false), key, cert.getPublicKey(), passphrase);
            store.saveCertificate(p, cert);
            out.println("Imported " + id.participantId() + " (" + id.role() + ", '" + id.legalName()
                    + "') as profile '" + p.name() + "' (" + p.dir() + ")");
            return ExitCodes.OK;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw ClientException.of(ClientException.Kind.USAGE, "cannot read " + file + ": " + e.getMessage());
            }
        }

        private static X509Certificate readCertificate(Path file) {
            try {
                return Certificates.fromDer(Pem.decodeSingle(read(file), Set.of(Pem.CERTIFICATE)));
            } catch (IOException | CertificateException | RuntimeException e) {
                throw ClientException.of(ClientException.Kind.USAGE, file + " is not one PEM certificate: "
                        + e.getMessage());
            }
        }
    }
}
