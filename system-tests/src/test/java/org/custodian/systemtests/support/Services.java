package org.custodian.systemtests.support;

/**
 * One service (consent, sar, sharing, retention, accountability) or the gateway of the local stack, killed, stopped and
 * started under the rest of the running stack with deploy/local/service.sh.
 */
public final class Services {

    private Services() {}

    /** SIGKILL: a crash, with no shutdown of any kind. */
    public static void kill(String name) {
        Scripts.local("service.sh", "kill", name);
    }

    public static void stop(String name) {
        Scripts.local("service.sh", "stop", name);
    }

    /** Starts it again with the stack's environment and returns once its readiness check says UP. */
    public static void start(String name) {
        Scripts.local("service.sh", "start", name);
    }
}
