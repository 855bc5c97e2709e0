package org.custodian.sharing.webhook;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The system resolver. */
@ApplicationScoped
@DefaultBean
public class SystemHostLookup implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
