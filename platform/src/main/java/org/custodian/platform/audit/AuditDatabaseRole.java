package org.custodian.platform.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The service must reach its database as a role that can read and append to the audit log and nothing more: not its
 * owner (who can disable the append-only trigger or alter the table), not a superuser, and without UPDATE, DELETE,
 * TRUNCATE or TRIGGER on it. Flyway migrates as the owner ({@code quarkus.flyway.username}), and the platform's
 * {@code afterMigrate} callback grants the service's role ({@code quarkus.datasource.username}) what it needs. Checked
 * at start: refused unless {@code custodian.audit.require-restricted-role=false} (dev mode), then only logged.
 */
@ApplicationScoped
public class AuditDatabaseRole {

    private static final Logger LOG = Logger.getLogger(AuditDatabaseRole.class);

    private final DataSource dataSource;
    private final boolean required;

    @Inject
    public AuditDatabaseRole(DataSource dataSource, AuditConfig config) {
        this(dataSource, config.requireRestrictedRole());
    }

    public AuditDatabaseRole(DataSource dataSource, boolean required) {
        this.dataSource = dataSource;
        this.required = required;
    }

    void onStart(@Observes StartupEvent event) {
        check();
    }

    /** Fails when the role could change the audit log and a restricted role is required; otherwise logs it. */
    public void check() {
        whyUnrestricted().ifPresent(why -> {
            String message = why + ": anyone holding these database credentials could rewrite the audit log. Run the"
                    + " service as a role that can only read and append (quarkus.datasource.username) and migrate as the"
                    + " owner (quarkus.flyway.username); platform/README.md, \"Audit\".";
            if (required) {
                throw new IllegalStateException(message);
            }
            LOG.warn(message);
        });
    }

    /** What the service's own role could do to the audit log beyond reading and appending, or empty. */
    public Optional<String> whyUnrestricted() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                     SELECT current_user, r.rolsuper, pg_has_role(current_user, c.relowner, 'MEMBER'),
                            has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE'),
                            has_table_privilege(c.oid, 'TRUNCATE'), has_table_privilege(c.oid, 'TRIGGER')
                     FROM pg_class c JOIN pg_roles r ON r.rolname = current_user
                     WHERE c.oid = 'audit_log'::regclass
                     """)) {
            row.next();
            List<String> powers = new ArrayList<>();
            if (row.getBoolean(2)) {
                powers.add("is a superuser");
            }
            if (row.getBoolean(3)) {
                powers.add("owns audit_log");
            }
            String[] privileges = {"UPDATE", "DELETE", "TRUNCATE", "TRIGGER"};
            for (int i = 0; i < privileges.length; i++) {
                if (row.getBoolean(4 + i) && !row.getBoolean(2) && !row.getBoolean(3)) {
                    powers.add("may " + privileges[i] + " audit_log");
                }
            }
            return powers.isEmpty()
                    ? Optional.empty()
                    : Optional.of("the service connects to its database as '" + row.getString(1) + "', which "
                            + String.join(", ", powers));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database role's privileges on audit_log", e);
        }
    }
}
