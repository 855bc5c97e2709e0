package org.custodian.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** What a failed exchange with an upstream means for the caller: 504, 503 or 502. */
public final class UpstreamFailures {

    private UpstreamFailures() {}

    public static int status(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return 504;
            }
            if (cause instanceof ConnectException) {
                return 503;
            }
        }
        return 502;
    }

    public static String detail(String upstream, int status) {
        return switch (status) {
            case 504 -> upstream + " did not answer in time";
            case 503 -> upstream + " is not accepting connections";
            default -> upstream + " did not answer properly";
        };
    }
}
