package io.carbonx.node.client;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A local identity: one directory {@code <profiles-dir>/<name>/} (see {@link ProfileStore} for its files) and what
 * is known about the participant it holds.
 *
 * @param name              profile name, {@code [A-Za-z0-9._-]{1,64}}
 * @param dir               its directory
 * @param url               the node it was registered with (used when {@code --url} is not given), or null
 * @param participantId     the participant id (known once the registration was submitted), or null
 * @param role              the role asked for or certified, or null
 * @param legalName         the legal name, or null
 * @param certificateSerial the serial of the current certificate (lower-case hex) once known, or null
 * @param keyEncrypted      whether the private key file is encrypted (a passphrase is needed to use it)
 */
public record Profile(String name, Path dir, String url, String participantId, String role, String legalName,
                      String certificateSerial, boolean keyEncrypted) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Checks the name. */
    public Profile {
        requireValidName(name);
        Objects.requireNonNull(dir, "dir");
    }

    /**
     * @throws ClientException {@link ClientException.Kind#USAGE} if {@code name} is not a valid profile name
     */
    public static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw ClientException.of(ClientException.Kind.USAGE, "profile name '" + name
                    + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
    }

    /** With the participant id. */
    public Profile withParticipantId(String id) {
        return new Profile(name, dir, url, id, role, legalName, certificateSerial, keyEncrypted);
    }

    /** With the role. */
    public Profile withRole(String newRole) {
        return new Profile(name, dir, url, participantId, newRole, legalName, certificateSerial, keyEncrypted);
    }

    /** With the certificate serial. */
    public Profile withCertificateSerial(String serial) {
        return new Profile(name, dir, url, participantId, role, legalName, serial, keyEncrypted);
    }

    /** With the node URL. */
    public Profile withUrl(String newUrl) {
        return new Profile(name, dir, newUrl, participantId, role, legalName, certificateSerial, keyEncrypted);
    }

    /**
     * The participant id.
     *
     * @throws ClientException {@link ClientException.Kind#PROFILE} if the registration was never submitted
     */
    public String requireParticipantId() {
        if (participantId == null) {
            throw ClientException.of(ClientException.Kind.PROFILE, "profile '" + name + "' has a key but no"
                    + " participant id: its registration was never accepted by a node; run carbonx register again"
                    + " with --profile " + name);
        }
        return participantId;
    }
}
