package org.schoolgate.channels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "schoolgate.crypto")
public interface CryptoConfig {

    /** Key that encrypts channel credentials (any long random string; env SCHOOLGATE_CRYPTO_KEY). */
    @WithDefault("dev-only-crypto-key-never-use-in-production")
    String key();

    /** Former keys, still accepted for decryption while credentials are re-encrypted (key rotation). */
    Optional<List<String>> previousKeys();
}
