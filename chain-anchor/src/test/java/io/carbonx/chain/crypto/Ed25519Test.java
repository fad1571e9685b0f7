package io.carbonx.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesRfc8032TestVector1() {
        Ed25519Signer signer = Ed25519Signer.fromPrivateKey(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(signer.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = signer.sign(new byte[0]);
        assertThat(HEX.formatHex(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(new Ed25519Verifier().verify(signer.publicKey(), new byte[0], sig)).isTrue();
    }

    @Test
    void rejectsOtherMessagesKeysAndMalformedInputWithoutThrowing() {
        Ed25519Signer a = Ed25519Signer.generate(new SecureRandom(new byte[] {1}));
        Ed25519Signer b = Ed25519Signer.fromPrivateKey(new byte[32]);
        Ed25519Verifier v = new Ed25519Verifier();
        byte[] msg = {1, 2, 3};
        byte[] sig = a.sign(msg);
        assertThat(v.verify(a.publicKey(), msg, sig)).isTrue();
        assertThat(v.verify(a.publicKey(), new byte[] {1, 2, 4}, sig)).isFalse();
        assertThat(v.verify(b.publicKey(), msg, sig)).isFalse();
        for (int bit = 0; bit < sig.length * 8; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(v.verify(a.publicKey(), msg, flipped)).as("bit %d", bit).isFalse();
        }
        assertThat(v.verify(new byte[31], msg, sig)).isFalse();
        assertThat(v.verify(a.publicKey(), msg, new byte[63])).isFalse();
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xFF);
        assertThat(v.verify(notAPoint, msg, sig)).isFalse();
    }
}
