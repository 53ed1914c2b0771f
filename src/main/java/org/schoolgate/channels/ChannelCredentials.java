package org.schoolgate.channels;

/**
 * The secrets of one channel: a Page/system-user/Instagram token, or (instagram4j only) a user name
 * and password. Stored encrypted ({@link CredentialCipher}); {@link #toString()} never shows them.
 */
public record ChannelCredentials(String accessToken, String username, String password) {

    public static ChannelCredentials token(String accessToken) {
        return new ChannelCredentials(accessToken, null, null);
    }

    public static ChannelCredentials login(String username, String password) {
        return new ChannelCredentials(null, username, password);
    }

    @Override
    public String toString() {
        return "ChannelCredentials[redacted]";
    }
}
