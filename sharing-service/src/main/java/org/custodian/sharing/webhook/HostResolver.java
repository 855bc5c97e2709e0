package org.custodian.sharing.webhook;

import java.net.InetAddress;
import java.util.List;

/** Resolves a host name to its addresses (DNS). Tests replace it to play DNS-rebinding tricks. */
public interface HostResolver {
    /** @return every address of the host; empty when it does not resolve */
    List<InetAddress> resolve(String host);
}
