package io.carbonx.registry.identity.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * RFC 7468 PEM text: encoding DER as PEM and strict decoding of PEM back to DER.
 *
 * <p>Decoding refuses (with {@link IOException}) text that holds no PEM block, a block of a type not asked for,
 * a block with headers, or, for {@link #decodeSingle}, more than one block.
 */
public final class Pem {

    /** PEM label of an X.509 certificate. */
    public static final String CERTIFICATE = "CERTIFICATE";
    /** PEM label of an X.509 CRL. */
    public static final String X509_CRL = "X509 CRL";
    /** PEM label of a PKCS#10 request. */
    public static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    /** Legacy PEM label of a PKCS#10 request (Netscape, old OpenSSL). */
    public static final String NEW_CERTIFICATE_REQUEST = "NEW CERTIFICATE REQUEST";
    /** PEM label of an encrypted PKCS#8 private key. */
    public static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    /** PEM label of a SubjectPublicKeyInfo. */
    public static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final int LINE = 64;

    private Pem() {
    }

    /** Encodes {@code der} as one PEM block with the given label, lines of 64 characters, LF line ends. */
    public static String encode(String label, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(b64.length() + b64.length() / LINE + 64);
        out.append("-----BEGIN ").append(label).append("-----\n");
        for (int i = 0; i < b64.length(); i += LINE) {
            out.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
        }
        out.append("-----END ").append(label).append("-----\n");
        return out.toString();
    }

    /** True when {@code bytes} starts (after optional whitespace) with a PEM boundary line. */
    public static boolean looksLikePem(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        byte[] dashes = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
        if (bytes.length - i < dashes.length) {
            return false;
        }
        for (int k = 0; k < dashes.length; k++) {
            if (bytes[i + k] != dashes[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes exactly one PEM block whose label is in {@code labels}.
     *
     * @throws IOException if the text is not exactly one well-formed block of an accepted label
     */
    public static byte[] decodeSingle(String text, Set<String> labels) throws IOException {
        List<byte[]> all = decodeAll(text, labels);
        if (all.size() != 1) {
            throw new IOException("expected exactly one PEM block of type " + labels + ", found " + all.size());
        }
        return all.get(0);
    }

    /**
     * Decodes every PEM block of the text, in order; all must carry a label in {@code labels}.
     *
     * @throws IOException if a block is malformed or of another label, or if there is none
     */
    public static List<byte[]> decodeAll(String text, Set<String> labels) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject obj;
            while ((obj = reader.readPemObject()) != null) {
                if (!labels.contains(obj.getType())) {
                    throw new IOException("unexpected PEM block type '" + obj.getType() + "', expected " + labels);
                }
                if (!obj.getHeaders().isEmpty()) {
                    throw new IOException("PEM headers are not accepted in a " + obj.getType() + " block");
                }
                out.add(obj.getContent());
            }
        } catch (RuntimeException e) {
            throw new IOException("malformed PEM: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException("no PEM block of type " + labels + " found");
        }
        return out;
    }
}
