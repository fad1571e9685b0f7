package io.carbonx.node.client.chain;

import io.carbonx.node.client.ClientException;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Certificates collected from PEM files (a node's {@code services/chain-anchor/validators} directory holds each
 * validator's {@code <id>/validator.pem} and the CA certificates): CA certificates apart, participant certificates
 * by participant id and serial. Which of them belong to validators is decided by the verifier (role and
 * signatures), not here.
 */
public final class ValidatorCertificates {

    private final List<X509Certificate> cas;
    private final Map<String, Map<String, X509Certificate>> participants;

    private ValidatorCertificates(List<X509Certificate> cas, Map<String, Map<String, X509Certificate>> participants) {
        this.cas = List.copyOf(cas);
        this.participants = participants;
    }

    /**
     * Reads every {@code *.pem} / {@code *.crt} file under the given paths (files or directories, recursively);
     * files that hold no certificate (keys, logs) are skipped.
     *
     * @throws ClientException {@link ClientException.Kind#USAGE} if a path does not exist
     */
    public static ValidatorCertificates load(List<Path> paths) {
        List<X509Certificate> cas = new ArrayList<>();
        Map<String, Map<String, X509Certificate>> byParticipant = new TreeMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw ClientException.of(ClientException.Kind.USAGE, path + " does not exist");
            }
            for (X509Certificate c : read(path)) {
                if (c.getBasicConstraints() >= 0) {
                    cas.add(c);
                    continue;
                }
                try {
                    String id = ParticipantIdentity.of(c).participantId();
                    byParticipant.computeIfAbsent(id, k -> new TreeMap<>()).put(c.getSerialNumber().toString(16), c);
                } catch (CertificateParsingException notAParticipant) {
                    // not a CarbonX participant certificate: not a validator either
                }
            }
        }
        return new ValidatorCertificates(cas, byParticipant);
    }

    private static List<X509Certificate> read(Path path) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".pem")
                        || p.toString().endsWith(".crt")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw ClientException.of(ClientException.Kind.USAGE, "cannot list " + path + ": " + e.getMessage());
            }
        } else {
            files.add(path);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files) {
            try {
                String text = Files.readString(f, StandardCharsets.US_ASCII);
                if (!text.contains("-----BEGIN CERTIFICATE-----")) {
                    continue;
                }
                for (byte[] der : Pem.decodeAll(text, Set.of(Pem.CERTIFICATE))) {
                    out.add(Certificates.fromDer(der));
                }
            } catch (IOException | CertificateException | RuntimeException e) {
                throw ClientException.of(ClientException.Kind.USAGE, f + " is not readable as PEM certificates: "
                        + e.getMessage());
            }
        }
        return out;
    }

    /** CA certificates found (root and issuing). */
    public List<X509Certificate> caCertificates() {
        return cas;
    }

    /** The certificate of {@code participantId} with serial {@code serialHex}, if given. */
    public Optional<X509Certificate> certificate(String participantId, String serialHex) {
        Map<String, X509Certificate> m = participants.get(participantId);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(serialHex));
    }

    /** Every participant certificate, by participant id then serial. */
    public Map<String, Map<String, X509Certificate>> participants() {
        return participants;
    }
}
