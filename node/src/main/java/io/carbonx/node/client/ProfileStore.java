package io.carbonx.node.client;

import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Profiles on disk: {@code <base>/<name>/} (directory mode 0700 where the file system has POSIX permissions) with
 * <ul>
 *   <li>{@code profile.properties} — participant id, role, legal name, node URL, certificate serial;</li>
 *   <li>{@code key.pem} — the private key, mode 0600: plain PKCS#8, or encrypted PKCS#8 when a passphrase was
 *       given ({@link KeyFiles});</li>
 *   <li>{@code public.pem} — the public key; {@code csr.pem} — the PKCS#10 request submitted at registration;</li>
 *   <li>{@code certificate.pem} — the certificate the registry CA issued (fetched at the first login after
 *       approval);</li>
 *   <li>{@code sequence} — the last signed-request sequence number used ({@link SequenceCounter}).</li>
 * </ul>
 * Every file is written to a temporary file and moved into place, so a crash never leaves half a file.
 */
public final class ProfileStore {

    /** File names inside a profile directory. */
    public static final String PROPERTIES = "profile.properties";
    public static final String KEY = "key.pem";
    public static final String PUBLIC_KEY = "public.pem";
    public static final String CSR = "csr.pem";
    public static final String CERTIFICATE = "certificate.pem";
    public static final String SEQUENCE = "sequence";

    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final String OWNER_ONLY_DIR = "rwx------";

    private final Path base;

    /** @param base the profiles directory (default {@code ~/.carbonx}) */
    public ProfileStore(Path base) {
        this.base = base;
    }

    /** {@code ~/.carbonx}. */
    public static Path defaultBase() {
        return Path.of(System.getProperty("user.home"), ".carbonx");
    }

    /** The profiles directory. */
    public Path base() {
        return base;
    }

    /** The directory of profile {@code name} (which may not exist). */
    public Path dir(String name) {
        Profile.requireValidName(name);
        return base.resolve(name);
    }

    /** True if profile {@code name} has a key. */
    public boolean exists(String name) {
        return Files.isRegularFile(dir(name).resolve(KEY));
    }

    /** Names of the profiles that have a key, sorted. */
    public List<String> list() {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(base)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(KEY))).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw profileError("cannot list " + base, e);
        }
    }

    /**
     * Loads profile {@code name}.
     *
     * @throws ClientException {@link ClientException.Kind#PROFILE} if it does not exist or is unreadable
     */
    public Profile load(String name) {
        Path dir = dir(name);
        if (!exists(name)) {
            throw ClientException.of(ClientException.Kind.PROFILE, "no profile '" + name + "' in " + base
                    + (list().isEmpty() ? "" : " (profiles: " + String.join(", ", list()) + ")")
                    + "; create one with: carbonx register --profile " + name + " --name LEGAL_NAME --role ROLE"
                    + " (or carbonx profile import)");
        }
        Properties p = new Properties();
        Path file = dir.resolve(PROPERTIES);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw profileError("cannot read " + file, e);
            }
        }
        boolean encrypted = KeyFiles.isEncrypted(read(dir.resolve(KEY)));
        return new Profile(name, dir, p.getProperty("url"), p.getProperty("participantId"), p.getProperty("role"),
                p.getProperty("legalName"), p.getProperty("certificateSerial"), encrypted);
    }

    /**
     * Creates a profile with its keys; fails if one with a key exists.
     *
     * @param passphrase encrypts the key when not null
     */
    public Profile create(Profile profile, PrivateKey key, PublicKey publicKey, char[] passphrase) {
        if (exists(profile.name())) {
            throw ClientException.of(ClientException.Kind.PROFILE, "profile '" + profile.name() + "' already exists"
                    + " in " + profile.dir() + "; choose another --profile or remove that directory");
        }
        try {
            Files.createDirectories(profile.dir());
            restrict(profile.dir(), OWNER_ONLY_DIR);
        } catch (IOException e) {
            throw profileError("cannot create " + profile.dir(), e);
        }
        write(profile.dir().resolve(PUBLIC_KEY), KeyFiles.publicKeyPem(publicKey));
        write(profile.dir().resolve(KEY), KeyFiles.privateKeyPem(key, passphrase));
        Profile created = new Profile(profile.name(), profile.dir(), profile.url(), profile.participantId(),
                profile.role(), profile.legalName(), profile.certificateSerial(), passphrase != null);
        save(created);
        return created;
    }

    /** Writes the profile's properties. */
    public void save(Profile profile) {
        Properties p = new Properties();
        put(p, "participantId", profile.participantId());
        put(p, "role", profile.role());
        put(p, "legalName", profile.legalName());
        put(p, "url", profile.url());
        put(p, "certificateSerial", profile.certificateSerial());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            p.store(text, "carbonx profile " + profile.name()); // escapes non-Latin-1 characters
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(profile.dir().resolve(PROPERTIES), text.toString(StandardCharsets.ISO_8859_1));
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    /** The profile's private key. */
    public PrivateKey privateKey(Profile profile, char[] passphrase) {
        Path file = profile.dir().resolve(KEY);
        return KeyFiles.readPrivateKey(read(file), passphrase, file.toString());
    }

    /** The profile's public key. */
    public PublicKey publicKey(Profile profile) {
        Path file = profile.dir().resolve(PUBLIC_KEY);
        if (!Files.isRegularFile(file)) {
            return certificate(profile).map(X509Certificate::getPublicKey).orElseThrow(() -> ClientException.of(
                    ClientException.Kind.PROFILE, "profile '" + profile.name() + "' has neither " + PUBLIC_KEY
                            + " nor " + CERTIFICATE));
        }
        return KeyFiles.readPublicKey(read(file), file.toString());
    }

    /** Keeps the PKCS#10 request submitted. */
    public void saveCsr(Profile profile, byte[] csrDer) {
        write(profile.dir().resolve(CSR), Pem.encode(Pem.CERTIFICATE_REQUEST, csrDer));
    }

    /** Keeps the certificate. */
    public void saveCertificate(Profile profile, X509Certificate certificate) {
        write(profile.dir().resolve(CERTIFICATE), Certificates.pem(certificate));
    }

    /** The certificate, once fetched. */
    public Optional<X509Certificate> certificate(Profile profile) {
        Path file = profile.dir().resolve(CERTIFICATE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Certificates.fromDer(Pem.decodeSingle(read(file), Set.of(Pem.CERTIFICATE))));
        } catch (IOException | CertificateException e) {
            throw profileError(file + " is not a PEM certificate", e);
        }
    }

    /** The profile's sequence counter. */
    public SequenceCounter sequence(Profile profile) {
        return new SequenceCounter(profile.dir().resolve(SEQUENCE));
    }

    /** Reads a text file of a profile. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw profileError("cannot read " + file, e);
        }
    }

    /** Writes a file owner-only, atomically (temporary file, then move). */
    static void write(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        OWNER_ONLY_FILE)));
            }
            Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw profileError("cannot write " + file, e);
        }
        move(tmp, file);
    }

    private static void move(Path tmp, Path file) {
        try {
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw profileError("cannot write " + file, e);
        }
    }

    private static void restrict(Path path, String mode) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }

    private static ClientException profileError(String message, Exception cause) {
        return ClientException.of(ClientException.Kind.PROFILE, message + ": " + cause.getMessage(), cause);
    }

    /** Lists the files of a profile, for {@code profile show}. */
    public List<Path> files(Profile profile) {
        List<Path> out = new ArrayList<>();
        for (String f : List.of(PROPERTIES, KEY, PUBLIC_KEY, CSR, CERTIFICATE, SEQUENCE)) {
            Path p = profile.dir().resolve(f);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
