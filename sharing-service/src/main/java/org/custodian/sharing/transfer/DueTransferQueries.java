package org.custodian.sharing.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.platform.jdbc.Jdbc;
import org.custodian.sharing.decision.StatutoryTransferRules.Destination;
import org.custodian.sharing.decision.TransferKind;

/** The due transfers table ({@code V8}): opened on leaving, listed per school, marked sent, received or not held. */
@ApplicationScoped
public class DueTransferQueries {

    /** One row as stored. */
    public record Row(
            UUID id,
            String pupilId,
            TransferKind kind,
            LocalDate leftOn,
            LocalDate dueOn,
            Destination destination,
            String destinationUrn,
            DueTransferStatus status,
            LocalDate sentOn,
            String sentBy,
            LocalDate receiptConfirmedOn,
            String receiptConfirmedBy,
            String note) {}

    private static final String COLUMNS = "id, pupil_id, kind, left_on, due_on, destination, destination_urn, status,"
            + " sent_on, sent_by, receipt_confirmed_on, receipt_confirmed_by, note";

    private final Jdbc jdbc;

    DueTransferQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens one transfer; the same pupil, kind and leaving day again changes nothing. Whether it was opened. */
    public boolean open(
            String urn,
            String pupilId,
            TransferKind kind,
            LocalDate leftOn,
            LocalDate dueOn,
            Destination destination,
            String destinationUrn,
            Instant now) {
        return jdbc.update(
                        """
                INSERT INTO due_transfer (id, school_urn, pupil_id, kind, left_on, due_on, destination, destination_urn,
                                          status, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DUE', ?)
                ON CONFLICT (school_urn, pupil_id, kind, left_on) DO NOTHING
                """,
                        UUID.randomUUID(),
                        urn,
                        pupilId,
                        kind.name(),
                        leftOn,
                        dueOn,
                        destination.name(),
                        destinationUrn,
                        now)
                == 1;
    }

    /** Whether the pupil has a transfer of this kind for a leaving on {@code leftOn}, whatever its status. */
    public boolean exists(String urn, String pupilId, TransferKind kind, LocalDate leftOn) {
        return jdbc.one(
                        "SELECT 1 FROM due_transfer WHERE school_urn = ? AND pupil_id = ? AND kind = ? AND left_on = ?",
                        r -> r.getInt(1),
                        urn,
                        pupilId,
                        kind.name(),
                        leftOn)
                .isPresent();
    }

    /**
     * The leaving date moved from {@code from} to {@code to}: the transfer of this kind still due for {@code from}
     * moves with it, to its new last day (one already sent, received or not held stays as it was). Whether it moved.
     */
    public boolean redate(
            String urn, String pupilId, TransferKind kind, LocalDate from, LocalDate to, LocalDate dueOn) {
        return jdbc.update("""
                UPDATE due_transfer SET left_on = ?, due_on = ?
                WHERE school_urn = ? AND pupil_id = ? AND kind = ? AND left_on = ? AND status = 'DUE'
                  AND NOT EXISTS (SELECT 1 FROM due_transfer o WHERE o.school_urn = due_transfer.school_urn
                                  AND o.pupil_id = due_transfer.pupil_id AND o.kind = due_transfer.kind AND o.left_on = ?)
                """, to, dueOn, urn, pupilId, kind.name(), from, to) == 1;
    }

    /** The transfer of this kind still due for the leaving on {@code leftOn} goes where the roster now says. */
    public boolean readdress(
            String urn,
            String pupilId,
            TransferKind kind,
            LocalDate leftOn,
            Destination destination,
            String destinationUrn) {
        return jdbc.update(
                        """
                UPDATE due_transfer SET destination = ?, destination_urn = ?
                WHERE school_urn = ? AND pupil_id = ? AND kind = ? AND left_on = ? AND status = 'DUE'
                  AND (destination <> ? OR destination_urn IS DISTINCT FROM ?::text)
                """,
                        destination.name(),
                        destinationUrn,
                        urn,
                        pupilId,
                        kind.name(),
                        leftOn,
                        destination.name(),
                        destinationUrn)
                == 1;
    }

    public List<Row> list(String urn, String pupilId, DueTransferStatus status) {
        return jdbc.list(
                "SELECT " + COLUMNS + " FROM due_transfer WHERE school_urn = ?"
                        + " AND (?::text IS NULL OR pupil_id = ?) AND (?::text IS NULL OR status = ?)"
                        + " ORDER BY due_on, pupil_id, kind LIMIT 1000",
                DueTransferQueries::row,
                urn,
                pupilId,
                pupilId,
                status == null ? null : status.name(),
                status == null ? null : status.name());
    }

    public Optional<Row> forUpdate(String urn, UUID id) {
        return jdbc.one(
                "SELECT " + COLUMNS + " FROM due_transfer WHERE school_urn = ? AND id = ? FOR UPDATE",
                DueTransferQueries::row,
                urn,
                id);
    }

    public void sent(
            String urn,
            UUID id,
            LocalDate sentOn,
            String by,
            Destination destination,
            String destinationUrn,
            String note) {
        jdbc.update("""
                UPDATE due_transfer SET status = 'SENT', sent_on = ?, sent_by = ?, destination = ?, destination_urn = ?,
                    note = coalesce(?, note)
                WHERE school_urn = ? AND id = ?
                """, sentOn, by, destination.name(), destinationUrn, note, urn, id);
    }

    public void receiptConfirmed(String urn, UUID id, LocalDate on, String by, String note) {
        jdbc.update("""
                UPDATE due_transfer SET status = 'RECEIPT_CONFIRMED', receipt_confirmed_on = ?, receipt_confirmed_by = ?,
                    note = coalesce(?, note)
                WHERE school_urn = ? AND id = ?
                """, on, by, note, urn, id);
    }

    public void notHeld(String urn, UUID id, String note) {
        jdbc.update(
                "UPDATE due_transfer SET status = 'NOT_HELD', note = ? WHERE school_urn = ? AND id = ?", note, urn, id);
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(
                Jdbc.uuid(r, "id"),
                r.getString("pupil_id"),
                TransferKind.valueOf(r.getString("kind")),
                Jdbc.date(r, "left_on"),
                Jdbc.date(r, "due_on"),
                Destination.valueOf(r.getString("destination")),
                r.getString("destination_urn"),
                DueTransferStatus.valueOf(r.getString("status")),
                Jdbc.date(r, "sent_on"),
                r.getString("sent_by"),
                Jdbc.date(r, "receipt_confirmed_on"),
                r.getString("receipt_confirmed_by"),
                r.getString("note"));
    }
}
