package org.custodian.systemtests.support;

/** The local stack's Kafka broker, stopped and started under the running services with deploy/local/kafka.sh. */
public final class Broker {

    private Broker() {}

    public static void stop() {
        Scripts.local("kafka.sh", "stop");
    }

    public static void start() {
        Scripts.local("kafka.sh", "start");
    }
}
