package io.carbonx.node.cli;

import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Profile;
import io.carbonx.node.client.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Options every client command shares: which node, which local profile, the key's passphrase, the time-out.
 * The node is {@code --url}, else the URL the profile was registered with, else {@value NodeClient#DEFAULT_URL}.
 */
final class ClientOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "The node's HTTP API (default: the profile's node, else " + NodeClient.DEFAULT_URL + ").")
    String url;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", defaultValue = "default",
            description = "Local profile (key, certificate, sequence number) in the profiles directory "
                    + "(default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Where profiles live (default: ~/.carbonx).")
    Path profilesDir;

    @Option(names = "--key-passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the passphrase of the profile's key (an encrypted key needs it;"
                    + " at register/import time, it makes the stored key encrypted).")
    Path passphraseFile;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "30000",
            description = "Bound of each request to the node or Kafka (default: ${DEFAULT-VALUE}).")
    long timeoutMs;

    /** The profile store. */
    ProfileStore store() {
        return new ProfileStore(profilesDir != null ? profilesDir : ProfileStore.defaultBase());
    }

    /** The passphrase, or null when no file was given. */
    char[] passphrase() {
        if (passphraseFile == null) {
            return null;
        }
        try {
            String text = Files.readString(passphraseFile, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            String line = (eol >= 0 ? text.substring(0, eol) : text).replace("\r", "");
            if (line.isEmpty()) {
                throw ClientException.of(ClientException.Kind.USAGE, "--key-passphrase-file " + passphraseFile
                        + ": the first line is empty");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw ClientException.of(ClientException.Kind.USAGE, "--key-passphrase-file " + passphraseFile + ": "
                    + e.getMessage());
        }
    }

    /** The bound of each request. */
    Duration timeout() {
        if (timeoutMs < 1) {
            throw ClientException.of(ClientException.Kind.USAGE, "--timeout-ms must be >= 1");
        }
        return Duration.ofMillis(timeoutMs);
    }

    /** The node: {@code --url}, else the profile's, else the default. */
    NodeClient client(Profile p) {
        String u = url != null ? url : p != null && p.url() != null ? p.url() : NodeClient.DEFAULT_URL;
        return new NodeClient(u, timeout());
    }
}
