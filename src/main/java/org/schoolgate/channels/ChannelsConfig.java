package org.schoolgate.channels;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "schoolgate.channels")
public interface ChannelsConfig {

    /** Graph API base URL with the pinned version; ignored while the built-in simulator runs. */
    @WithDefault("https://graph.facebook.com/v25.0/")
    String graphBaseUrl();

    Facebook facebook();

    Simulator simulator();

    Instagram4j instagram4j();

    interface Facebook {
        /** Meta app id (for debug_token and the token exchange). */
        @WithDefault("100000000000001")
        String appId();

        /** Meta app secret, for appsecret_proof; from the environment (SCHOOLGATE_CHANNELS_FACEBOOK_APP_SECRET). */
        Optional<String> appSecret();

        /** HTTP connect and read timeout of Graph calls, in milliseconds. */
        @WithDefault("20000")
        int timeoutMillis();
    }

    interface Simulator {
        /** Run the built-in Graph API simulator (dev mode and tests only; production refuses it). */
        @WithDefault("false")
        boolean enabled();

        /** Port of the simulator; 0 picks a free one (tests). */
        @WithDefault("8089")
        int port();

        /** Seed the simulator with the demo school's Page, Instagram account, posts and comments. */
        @WithDefault("true")
        boolean seedDemo();
    }

    interface Instagram4j {
        /** Allow the unofficial instagram4j adapter (private API; read and reply only). Off unless a school accepts the risks. */
        @WithDefault("false")
        boolean enabled();
    }
}
