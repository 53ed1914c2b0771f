package org.schoolgate.channels.simulator;

/** The demo school's Page and Instagram account in the simulator (filled in with the demo data). */
public final class DemoWorld {

    public static final String PAGE_ID = "104500000000001";
    public static final String IG_USER_ID = "17841400000000001";
    public static final String PAGE_TOKEN = "EAAB-sim-demo-page-token";

    private DemoWorld() {
    }

    static void seed(GraphWorld world) {
    }
}
