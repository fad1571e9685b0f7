package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.LightweightSignatures;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lightweight verifying provider agrees with the BouncyCastle JCA provider: it accepts what BC accepts and
 * rejects every single-byte mutation of the message or signature BC rejects, for each algorithm it serves.
 */
class LightweightSignaturesTest {

    private static final long SEED = 0x5eed_e5L;

    @ParameterizedTest(name = "{0} with a {1} key")
    @CsvSource({"SHA256withECDSA, secp256r1", "SHA384withECDSA, secp384r1", "SHA512withECDSA, secp256r1",
            "SHA256withECDSA, secp384r1", "Ed25519, Ed25519"})
    void givenSingleByteMutations_thenVerdictsEqualTheBouncyCastleProviders(String algorithm, String curve)
            throws Exception {
        Random random = new Random(SEED);
        KeyPair keys = keys(curve);
        byte[] message = new byte[300];
        random.nextBytes(message);
        byte[] signature = sign(algorithm, keys, message);
        assertThat(verify(LightweightSignatures.get(), algorithm, keys, message, signature)).isTrue();
        int checked = 0;
        for (int i = 0; i < 120; i++) {
            boolean inSignature = random.nextBoolean();
            byte[] m = message.clone();
            byte[] s = signature.clone();
            byte[] target = inSignature ? s : m;
            int index = random.nextInt(target.length);
            target[index] ^= (byte) (1 + random.nextInt(255));
            boolean bc = verifyOrFalse(BcProvider.get(), algorithm, keys, m, s);
            boolean light = verifyOrFalse(LightweightSignatures.get(), algorithm, keys, m, s);
            assertThat(light).as("seed %d, mutation %d (%s byte %d)", SEED, i, inSignature ? "signature" : "message",
                    index).isEqualTo(bc).isFalse();
            checked++;
        }
        assertThat(checked).isEqualTo(120);
    }

    @Test
    void rejectsASignatureByAnotherKeyOfTheSameCurve() throws Exception {
        KeyPair signer = keys("secp256r1");
        KeyPair other = keys("secp256r1");
        byte[] message = "block 7".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = sign("SHA256withECDSA", signer, message);
        assertThat(verify(LightweightSignatures.get(), "SHA256withECDSA", other, message, signature)).isFalse();
        assertThat(verify(LightweightSignatures.get(), "SHA256withECDSA", signer, message, signature)).isTrue();
    }

    @Test
    void rejectsAKeyOfTheWrongTypeAndRefusesToSign() throws Exception {
        Signature ecdsa = Signature.getInstance("SHA256withECDSA", LightweightSignatures.get());
        assertThatThrownBy(() -> ecdsa.initVerify(keys("Ed25519").getPublic())).isInstanceOf(InvalidKeyException.class);
        Signature ed = Signature.getInstance("Ed25519", LightweightSignatures.get());
        assertThatThrownBy(() -> ed.initVerify(keys("secp256r1").getPublic())).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> ed.initSign(keys("Ed25519").getPrivate())).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void answersItselfOnlyForAlgorithmsItVerifies_elseTheBouncyCastleProvider() {
        assertThat(LightweightSignatures.providerFor("1.2.840.10045.4.3.2", "1.3.101.112").getName())
                .isEqualTo(LightweightSignatures.NAME);
        assertThat(LightweightSignatures.providerFor("1.2.840.10045.4.3.2", "1.2.840.113549.1.1.11").getName())
                .isEqualTo(BcProvider.get().getName());
        assertThat(LightweightSignatures.verifiesAll("1.3.101.113")).isFalse();
    }

    @Test
    void registrationIsIdempotentAndAtTheEndOfTheList() throws Exception {
        Provider first = LightweightSignatures.get();
        assertThat(LightweightSignatures.get()).isSameAs(first);
        Provider[] all = java.security.Security.getProviders();
        assertThat(java.util.Arrays.stream(all).filter(p -> p.getName().equals(LightweightSignatures.NAME)))
                .hasSize(1);
        assertThat(Signature.getInstance("SHA256withECDSA", first)).isNotNull();
        assertThat(java.util.Arrays.asList(all).indexOf(first)).isGreaterThan(0);
    }

    private static KeyPair keys(String curve) throws GeneralSecurityException {
        if (curve.equals("Ed25519")) {
            return KeyPairGenerator.getInstance("Ed25519", BcProvider.get()).generateKeyPair();
        }
        return PkiFixtures.ec(curve);
    }

    private static byte[] sign(String algorithm, KeyPair keys, byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm, BcProvider.get());
        s.initSign(keys.getPrivate());
        s.update(message);
        return s.sign();
    }

    private static boolean verify(Provider provider, String algorithm, KeyPair keys, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm, provider);
        s.initVerify(keys.getPublic());
        s.update(message);
        return s.verify(signature);
    }

    private static boolean verifyOrFalse(Provider provider, String algorithm, KeyPair keys, byte[] message,
                                         byte[] signature) throws GeneralSecurityException {
        try {
            return verify(provider, algorithm, keys, message, signature);
        } catch (SignatureException e) {
            return false;
        }
    }
}
