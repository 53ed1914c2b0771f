package org.schoolgate.channels;

import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for channel credentials. The key is SHA-256 of the configured secret; each
 * ciphertext names its key by a short id (so former keys still decrypt during a rotation) and is
 * bound to its channel id as associated data (a ciphertext copied to another row does not open).
 * Format: {@code v1:<key id>:<base64 iv>:<base64 ciphertext+tag>}.
 */
@ApplicationScoped
public class CredentialCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;

    @Inject
    public CredentialCipher(CryptoConfig config) {
        List<String> all = new ArrayList<>();
        all.add(config.key());
        config.previousKeys().ifPresent(all::addAll);
        for (String secret : all) {
            byte[] key = sha256(secret.getBytes(StandardCharsets.UTF_8));
            keys.putIfAbsent(HexFormat.of().formatHex(sha256(key)).substring(0, 12), new SecretKeySpec(key, "AES"));
        }
        currentId = keys.keySet().iterator().next();
    }

    public String currentKeyId() {
        return currentId;
    }

    public String encrypt(ChannelCredentials credentials, long channelId) {
        JsonObject json = new JsonObject().put("accessToken", credentials.accessToken())
                .put("username", credentials.username()).put("password", credentials.password());
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(128, iv));
            c.updateAAD(aad(channelId));
            byte[] ct = c.doFinal(json.encode().getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "v1:" + currentId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt credentials", e);
        }
    }

    public ChannelCredentials decrypt(String stored, long channelId) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new IllegalStateException("Unknown credential format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Credentials were encrypted with a key that is no longer configured ("
                    + parts[1] + "); add it to schoolgate.crypto.previous-keys");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[2])));
            c.updateAAD(aad(channelId));
            JsonObject json = new JsonObject(new String(c.doFinal(Base64.getDecoder().decode(parts[3])),
                    StandardCharsets.UTF_8));
            return new ChannelCredentials(json.getString("accessToken"), json.getString("username"),
                    json.getString("password"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Credentials do not decrypt (wrong key or tampered)", e);
        }
    }

    public String keyIdOf(String stored) {
        return stored.split(":")[1];
    }

    private static byte[] aad(long channelId) {
        return ("schoolgate-channel:" + channelId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
