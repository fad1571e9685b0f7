package io.carbonx.node.client;

import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Private and public keys as PEM text: {@code PRIVATE KEY} (plain PKCS#8, kept in a 0600 file), {@code ENCRYPTED
 * PRIVATE KEY} (PKCS#8 PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC, as the registry CA writes its keys; OpenSSL
 * reads both) and {@code PUBLIC KEY} (SubjectPublicKeyInfo). Any key kind BouncyCastle knows (EC, Ed25519, RSA).
 */
public final class KeyFiles {

    /** PEM label of a plain PKCS#8 key. */
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    /** PBKDF2 iterations of keys this client encrypts (the registry's default). */
    public static final int PBKDF2_ITERATIONS = 310_000;

    private KeyFiles() {
    }

    /** PEM text of {@code key}: encrypted under {@code passphrase} if not null, else plain PKCS#8. */
    public static String privateKeyPem(PrivateKey key, char[] passphrase) {
        if (passphrase != null) {
            return EncryptedKeys.encrypt(key, passphrase, PBKDF2_ITERATIONS, new SecureRandom());
        }
        return Pem.encode(PRIVATE_KEY, key.getEncoded());
    }

    /** True if the PEM text holds an encrypted key. */
    public static boolean isEncrypted(String pemText) {
        return pemText.contains("-----BEGIN " + Pem.ENCRYPTED_PRIVATE_KEY + "-----");
    }

    /**
     * Reads a private key from PEM text.
     *
     * @param passphrase needed when the key is encrypted, else ignored
     * @param source     file name for messages
     * @throws ClientException {@link ClientException.Kind#PROFILE} when it cannot be read or decrypted
     */
    public static PrivateKey readPrivateKey(String pemText, char[] passphrase, String source) {
        if (isEncrypted(pemText)) {
            if (passphrase == null) {
                throw ClientException.of(ClientException.Kind.PROFILE, source + " is encrypted: give its passphrase"
                        + " with --key-passphrase-file FILE");
            }
            try {
                return EncryptedKeys.decrypt(pemText, passphrase, source);
            } catch (IdentityStoreException e) {
                throw ClientException.of(ClientException.Kind.PROFILE, e.getMessage(), e);
            }
        }
        try {
            byte[] der = Pem.decodeSingle(pemText, Set.of(PRIVATE_KEY));
            return new JcaPEMKeyConverter().setProvider(BcProvider.get())
                    .getPrivateKey(PrivateKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw ClientException.of(ClientException.Kind.PROFILE, source + " is not a PEM private key: "
                    + e.getMessage(), e);
        }
    }

    /** PEM text of a public key. */
    public static String publicKeyPem(PublicKey key) {
        return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
    }

    /**
     * Reads a public key from PEM text.
     *
     * @throws ClientException {@link ClientException.Kind#PROFILE} when it cannot be read
     */
    public static PublicKey readPublicKey(String pemText, String source) {
        try {
            byte[] der = Pem.decodeSingle(pemText, Set.of(Pem.PUBLIC_KEY));
            return new JcaPEMKeyConverter().setProvider(BcProvider.get())
                    .getPublicKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw ClientException.of(ClientException.Kind.PROFILE, source + " is not a PEM public key: "
                    + e.getMessage(), e);
        }
    }
}
