package org.custodian.testing.kernel;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.custodian.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer as a service would write one: parse, apply once, poison to the dead-letter topic. */
@ApplicationScoped
public class KernelRosterConsumer {

    public static final String NAME = "kernel-roster-projection";

    @Inject
    IdempotentConsumer idempotent;

    @Inject
    DataSource dataSource;

    @Incoming("kernel-roster")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        idempotent.apply(NAME, record, event -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert =
                            connection.prepareStatement("INSERT INTO applied_event (event_id, pupil) VALUES (?, ?)")) {
                insert.setString(1, event.id());
                insert.setString(2, event.partitionKey());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
