package io.carbonx.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    private static final byte[] DATA = "signed bytes".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Profile fresh(ProfileStore store, String name) {
        return new Profile(name, store.dir(name), "http://127.0.0.1:9", null, "ENTERPRISE", "Acme Stahl ÄÖÜ 鋼鐵", null,
                false);
    }

    @Test
    void aCreatedProfileLoadsBackWithItsKeyAndMetadata_andTheKeyFileIsOwnerOnly() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        KeyPair keys = Registration.newKeyPair();
        store.create(fresh(store, "acme"), keys.getPrivate(), keys.getPublic(), null);
        store.save(store.load("acme").withParticipantId("p-1"));

        Profile p = store.load("acme");

        assertThat(p.participantId()).isEqualTo("p-1");
        assertThat(p.legalName()).isEqualTo("Acme Stahl ÄÖÜ 鋼鐵");
        assertThat(p.keyEncrypted()).isFalse();
        ParticipantSigner signer = ParticipantSigner.forKey(store.privateKey(p, null), store.publicKey(p));
        assertThat(SignatureVerifier.forPublicKey(keys.getPublic()).verify(DATA, signer.sign(DATA))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.dir().resolve(ProfileStore.KEY))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.dir()))).isEqualTo("rwx------");
        assertThat(store.list()).containsExactly("acme");
    }

    @Test
    void anEncryptedKeyNeedsItsPassphrase_andAWrongOneIsAProfileError() {
        ProfileStore store = new ProfileStore(dir);
        KeyPair keys = Registration.newKeyPair();
        store.create(fresh(store, "enc"), keys.getPrivate(), keys.getPublic(), "right passphrase".toCharArray());
        Profile p = store.load("enc");

        assertThat(p.keyEncrypted()).isTrue();
        assertThat(store.privateKey(p, "right passphrase".toCharArray()).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThatThrownBy(() -> store.privateKey(p, null)).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.PROFILE))
                .hasMessageContaining("--key-passphrase-file");
        assertThatThrownBy(() -> store.privateKey(p, "wrong".toCharArray())).isInstanceOfSatisfying(
                ClientException.class, e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.PROFILE));
    }

    @Test
    void aMissingProfileIsAProfileErrorThatSaysHowToCreateOne() {
        ProfileStore store = new ProfileStore(dir);

        assertThatThrownBy(() -> store.load("nobody")).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.PROFILE))
                .hasMessageContaining("no profile 'nobody'").hasMessageContaining("carbonx register");
    }

    @Test
    void creatingAnExistingProfileFailsAndKeepsTheOldKey() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        KeyPair first = Registration.newKeyPair();
        store.create(fresh(store, "acme"), first.getPrivate(), first.getPublic(), null);
        String before = Files.readString(store.dir("acme").resolve(ProfileStore.KEY));
        KeyPair second = Registration.newKeyPair();

        assertThatThrownBy(() -> store.create(fresh(store, "acme"), second.getPrivate(), second.getPublic(), null))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.PROFILE))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(store.dir("acme").resolve(ProfileStore.KEY))).isEqualTo(before);
    }

    @Test
    void profileNamesThatCouldEscapeTheDirectoryAreRefused() {
        ProfileStore store = new ProfileStore(dir);
        for (String bad : new String[] {"..", "a/b", "", "x y", "../etc"}) {
            assertThatThrownBy(() -> store.dir(bad)).as(bad).isInstanceOfSatisfying(ClientException.class,
                    e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.USAGE));
        }
    }
}
