package org.custodian.sharing.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.sharing.webhook.SystemHostLookup;

/** DNS for tests: names a test maps answer as it says (to play rebinding tricks); others go to the system resolver. */
@Alternative
@Priority(1)
@Singleton
public class TestResolver extends SystemHostLookup {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();

    public void answer(String host, String... addresses) {
        answers.put(
                host,
                java.util.Arrays.stream(addresses)
                        .map(a -> {
                            try {
                                return InetAddress.getByName(a);
                            } catch (UnknownHostException e) {
                                throw new IllegalArgumentException(a, e);
                            }
                        })
                        .toList());
    }

    @Override
    public List<InetAddress> resolve(String host) {
        List<InetAddress> answer = answers.get(host);
        return answer != null ? answer : super.resolve(host);
    }
}
