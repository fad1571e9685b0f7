package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.IdentityStoreException;
import io.carbonx.registry.identity.StoreFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Private keys at rest: encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY} PEM), PBES2 with PBKDF2-HMAC-SHA256 and
 * AES-256-CBC, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256} writes it. OpenSSL reads
 * these files with {@code openssl pkey -in file -passin pass:...}.
 */
public final class EncryptedKeys {

    private EncryptedKeys() {
    }

    /** Encrypts {@code key} under {@code passphrase} with a fresh random salt and IV; returns the PEM text. */
    public static String encrypt(PrivateKey key, char[] passphrase, int iterations, SecureRandom random) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BcProvider.get())
                    .setRandom(random)
                    .setPassword(passphrase)
                    .setIterationCount(iterations)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .build();
            PemObject pem = new JcaPKCS8Generator(key, encryptor).generate();
            return Pem.encode(pem.getType(), pem.getContent());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt a private key", e);
        }
    }

    /**
     * Decrypts an encrypted PKCS#8 PEM file's text.
     *
     * @param source name of the file, for messages
     * @throws IdentityStoreException CORRUPT_FILE (not an encrypted PKCS#8 PEM), UNSUPPORTED_KEY_ENCRYPTION (not
     *                                PBES2 with AES-256-CBC), WRONG_PASSPHRASE (decryption fails)
     */
    public static PrivateKey decrypt(String pemText, char[] passphrase, String source) throws IdentityStoreException {
        PKCS8EncryptedPrivateKeyInfo info;
        try {
            info = new PKCS8EncryptedPrivateKeyInfo(Pem.decodeSingle(pemText, Set.of(Pem.ENCRYPTED_PRIVATE_KEY)));
        } catch (IOException | RuntimeException e) {
            throw new IdentityStoreException(StoreFailure.CORRUPT_FILE,
                    source + " is not an encrypted PKCS#8 PEM private key: " + e.getMessage(), e);
        }
        requirePbes2Aes256(info.getEncryptionAlgorithm(), source);
        PrivateKeyInfo plain;
        try {
            InputDecryptorProvider decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BcProvider.get()).build(passphrase);
            plain = info.decryptPrivateKeyInfo(decryptor);
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            throw new IdentityStoreException(StoreFailure.WRONG_PASSPHRASE,
                    "the configured passphrase does not decrypt " + source, e);
        }
        try {
            return new JcaPEMKeyConverter().setProvider(BcProvider.get()).getPrivateKey(plain);
        } catch (IOException | RuntimeException e) {
            throw new IdentityStoreException(StoreFailure.WRONG_PASSPHRASE,
                    "the configured passphrase does not decrypt " + source + " to a valid key", e);
        }
    }

    /**
     * Proves that {@code key} is the private half of {@code publicKey} by signing and verifying a fixed challenge.
     *
     * @throws IdentityStoreException KEY_CERTIFICATE_MISMATCH when it is not
     */
    public static void requireMatch(PrivateKey key, PublicKey publicKey, String source) throws IdentityStoreException {
        byte[] challenge = "carbonx key/certificate match".getBytes(StandardCharsets.US_ASCII);
        try {
            String algorithm = "SHA256withECDSA";
            if ("Ed25519".equals(publicKey.getAlgorithm()) || "EdDSA".equals(publicKey.getAlgorithm())) {
                algorithm = "Ed25519";
            } else if ("RSA".equals(publicKey.getAlgorithm())) {
                algorithm = "SHA256withRSA";
            }
            Signature signer = Signature.getInstance(algorithm, BcProvider.get());
            signer.initSign(key);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BcProvider.get());
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            if (verifier.verify(sig)) {
                return;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IdentityStoreException(StoreFailure.KEY_CERTIFICATE_MISMATCH,
                    source + " does not hold the private key of its certificate", e);
        }
        throw new IdentityStoreException(StoreFailure.KEY_CERTIFICATE_MISMATCH,
                source + " does not hold the private key of its certificate");
    }

    private static void requirePbes2Aes256(AlgorithmIdentifier alg, String source) throws IdentityStoreException {
        if (!PKCSObjectIdentifiers.id_PBES2.equals(alg.getAlgorithm())) {
            throw new IdentityStoreException(StoreFailure.UNSUPPORTED_KEY_ENCRYPTION,
                    source + " is encrypted with " + alg.getAlgorithm().getId() + ", not PBES2");
        }
        ASN1ObjectIdentifier cipher;
        try {
            EncryptionScheme scheme = PBES2Parameters.getInstance(alg.getParameters()).getEncryptionScheme();
            cipher = scheme.getAlgorithm();
        } catch (RuntimeException e) {
            throw new IdentityStoreException(StoreFailure.CORRUPT_FILE, source + " has malformed PBES2 parameters", e);
        }
        if (!NISTObjectIdentifiers.id_aes256_CBC.equals(cipher)) {
            throw new IdentityStoreException(StoreFailure.UNSUPPORTED_KEY_ENCRYPTION,
                    source + " is encrypted with " + cipher.getId() + ", not AES-256-CBC");
        }
    }
}
