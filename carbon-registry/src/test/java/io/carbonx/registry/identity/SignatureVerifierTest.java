package io.carbonx.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.registry.identity.pki.KeyKind;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureVerifierTest {

    private static final byte[] DATA = "order seq=1 chain=carbonx-test".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(KeyKind.EC_P256, PkiFixtures.p256()),
                Arguments.of(KeyKind.EC_P384, PkiFixtures.ec("secp384r1")),
                Arguments.of(KeyKind.ED25519, PkiFixtures.generate("Ed25519", 0)),
                Arguments.of(KeyKind.RSA, PkiFixtures.rsa2048()));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void signedBytesVerify_tamperedOnesDoNot(KeyKind kind, KeyPair kp) {
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        SignatureVerifier verifier = SignatureVerifier.forPublicKey(kp.getPublic());
        assertThat(signer.keyKind()).isEqualTo(kind);
        assertThat(verifier.keyKind()).isEqualTo(kind);
        byte[] sig = signer.sign(DATA);
        assertThat(verifier.verify(DATA, sig)).isTrue();

        byte[] otherData = DATA.clone();
        otherData[3] ^= 0x20;
        assertThat(verifier.verify(otherData, sig)).isFalse();
        byte[] otherSig = sig.clone();
        otherSig[otherSig.length / 2] ^= 0x01;
        assertThat(verifier.verify(DATA, otherSig)).isFalse();
        assertThat(verifier.verify(DATA, new byte[0])).isFalse();
        assertThat(verifier.verify(DATA, new byte[] {0x30, 0x01, 0x00})).isFalse();
        assertThat(verifier.verify(null, sig)).isFalse();
        assertThat(verifier.verify(DATA, null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void jcaSignaturesVerify(KeyKind kind, KeyPair kp) throws Exception {
        Signature jca = Signature.getInstance(kind.signatureAlgorithm());
        jca.initSign(kp.getPrivate());
        jca.update(DATA);
        assertThat(SignatureVerifier.forPublicKey(kp.getPublic()).verify(DATA, jca.sign())).isTrue();
    }

    @Test
    void signatureOfAnotherKeyFails() {
        KeyPair a = PkiFixtures.p256();
        KeyPair b = PkiFixtures.p256();
        byte[] sig = ParticipantSigner.forKey(a.getPrivate(), a.getPublic()).sign(DATA);
        assertThat(SignatureVerifier.forPublicKey(b.getPublic()).verify(DATA, sig)).isFalse();
    }

    @Test
    void ecdsaSigningIsDeterministic() {
        KeyPair kp = PkiFixtures.p256();
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        assertThat(signer.sign(DATA)).isEqualTo(signer.sign(DATA));
    }

    @Test
    void unsupportedKeysAreRefused() {
        assertThatThrownBy(() -> SignatureVerifier.forPublicKey(PkiFixtures.ec("secp256k1").getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNSUPPORTED_CURVE");
        assertThatThrownBy(() -> SignatureVerifier.forPublicKey(PkiFixtures.rsa(1024).getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEAK_KEY");
    }
}
