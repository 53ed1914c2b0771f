package org.schoolgate.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    static CredentialCipher cipher(String key, String... previous) {
        return new CredentialCipher(new CryptoConfig() {
            public String key() {
                return key;
            }

            public Optional<List<String>> previousKeys() {
                return previous.length == 0 ? Optional.empty() : Optional.of(List.of(previous));
            }
        });
    }

    @Test
    void roundTripsAndHidesTheSecret() {
        CredentialCipher c = cipher("k1-long-random");
        String stored = c.encrypt(ChannelCredentials.login("school_insta", "p@ss word"), 7);
        assertThat(stored).doesNotContain("p@ss").doesNotContain("school_insta");
        assertThat(c.decrypt(stored, 7)).isEqualTo(ChannelCredentials.login("school_insta", "p@ss word"));
        assertThat(c.encrypt(ChannelCredentials.token("t"), 7)).as("random IV").isNotEqualTo(c.encrypt(
                ChannelCredentials.token("t"), 7));
    }

    @Test
    void aCiphertextCopiedToAnotherChannelDoesNotOpen() {
        CredentialCipher c = cipher("k1-long-random");
        String stored = c.encrypt(ChannelCredentials.token("EAAB"), 7);
        assertThatThrownBy(() -> c.decrypt(stored, 8)).hasMessageContaining("do not decrypt");
    }

    @Test
    void afterRotationOldCiphertextsStillOpenAndNewOnesUseTheNewKey() {
        String old = cipher("old-key").encrypt(ChannelCredentials.token("EAAB-1"), 3);
        CredentialCipher rotated = cipher("new-key", "old-key");
        assertThat(rotated.decrypt(old, 3).accessToken()).isEqualTo("EAAB-1");
        assertThat(rotated.keyIdOf(old)).isNotEqualTo(rotated.currentKeyId());
        assertThat(rotated.keyIdOf(rotated.encrypt(ChannelCredentials.token("EAAB-1"), 3)))
                .isEqualTo(rotated.currentKeyId());
        assertThatThrownBy(() -> cipher("new-key").decrypt(old, 3)).hasMessageContaining("previous-keys");
    }

    @Test
    void credentialsNeverPrintThemselves() {
        assertThat(ChannelCredentials.token("EAAB-secret").toString()).doesNotContain("EAAB");
    }
}
