package io.carbonx.node.cli;

import io.carbonx.events.Role;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Profile;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.node.client.Registration;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.security.KeyPair;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx register --name LEGAL_NAME --role ROLE}: creates the profile's EC P-256 key and a PKCS#10 request,
 * keeps them in the profile (key file 0600, encrypted with {@code --key-passphrase-file}) and submits the
 * registration to the node ({@code POST /api/v1/registrations}). The node answers with the participant id it
 * derived from the key; a regulator then approves it ({@code carbonx approve <id>}) and the first login fetches
 * the certificate. If a submission failed, running the command again reuses the profile's key.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register a participant: create a key and a CSR in a local profile and submit them with the"
                + " legal name and role. A regulator approves the registration (carbonx approve <id>); the"
                + " certificate is fetched at the first login after that.",
                "Exit codes: 0 submitted, 4 refused (e.g. DUPLICATE_LEGAL_NAME), 7 node unreachable,"
                        + " 8 the profile is already registered."})
final class RegisterCommand extends ClientCommand {

    @Option(names = "--name", required = true, paramLabel = "LEGAL_NAME", description = "Legal name.")
    String legalName;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "One of: ${COMPLETION-CANDIDATES}.")
    Role role;

    @Override
    int run(PrintWriter out) {
        ProfileStore store = options.store();
        Profile profile;
        KeyPair keys;
        if (store.exists(options.profile)) {
            profile = store.load(options.profile);
            if (profile.participantId() != null) {
                throw ClientException.of(ClientException.Kind.PROFILE, "profile '" + profile.name()
                        + "' is already registered as " + profile.participantId() + " (" + profile.role()
                        + "); use another --profile for another participant");
            }
            keys = new KeyPair(store.publicKey(profile), store.privateKey(profile, options.passphrase()));
            out.println("Reusing the key of profile '" + profile.name() + "' (" + profile.dir() + ")");
        } else {
            keys = Registration.newKeyPair();
            profile = store.create(new Profile(options.profile, store.dir(options.profile), options.url,
                    null, role.name(), legalName, null, false), keys.getPrivate(), keys.getPublic(),
                    options.passphrase());
            out.println("Created an EC P-256 key in profile '" + profile.name() + "' (" + profile.dir() + ")");
        }
        byte[] csr = Registration.csr(keys, legalName);
        store.saveCsr(profile, csr);
        NodeClient client = options.client(profile);
        ApiResponse r = client.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role.name()).put("csr", Base64.getEncoder().encodeToString(csr)), null)
                .requireOk("registering '" + legalName + "' as " + role);
        JsonObject result = r.json();
        String participantId = participantId(result.getJsonArray("events", new JsonArray()));
        profile = new Profile(profile.name(), profile.dir(), client.baseUrl(), participantId, role.name(), legalName,
                null, profile.keyEncrypted());
        store.save(profile);
        out.println("Registration submitted: participant id " + participantId + ", " + role + ", '" + legalName
                + "' (command " + result.getString("commandId") + ").");
        out.println("Next: a regulator approves it:  carbonx approve " + participantId);
        out.println("Then log in (fetches the certificate):  carbonx login --profile " + profile.name());
        return ExitCodes.OK;
    }

    private static String participantId(JsonArray events) {
        for (int i = 0; i < events.size(); i++) {
            String id = events.getJsonObject(i).getString("participantId");
            if (id != null) {
                return id;
            }
        }
        throw ClientException.of(ClientException.Kind.FAILURE, "the node accepted the registration but named no"
                + " participant id: " + events.encode());
    }
}
