package org.custodian.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one declarative table of who may reach which operation: {@code security/access-matrix.csv} at the root of the
 * repository. Each row is {@code service,method,path} then {@code allow} or {@code deny} for every role.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of(
            "dpo", "school-admin", "staff", "safeguarding-lead", "parent", "pupil", "mis", "partner", "auditor");
    public static final String FILE = "security/access-matrix.csv";

    /** One operation's row. */
    public record Row(String service, String method, String path, Map<String, Boolean> allowed) {
        public String key() {
            return method + " " + path;
        }

        public Optional<String> anAllowedRole() {
            return ROLES.stream().filter(allowed::get).findFirst();
        }
    }

    private AccessMatrix() {}

    /** The rows of one service, read from the repository root found above the working directory. */
    public static Map<String, Row> of(String service) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : read(locate())) {
            if (row.service().equals(service)) {
                rows.put(row.key(), row);
            }
        }
        return rows;
    }

    /** Every row of every service, in the table's order. */
    public static List<Row> all() {
        return read(locate());
    }

    static Path locate() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(FILE + " not found above " + System.getProperty("user.dir"));
    }

    static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells =
                    Arrays.stream(line.split(",", -1)).map(String::trim).toList();
            if (header == null) {
                header = cells;
                if (!header.subList(3, header.size()).equals(ROLES)) {
                    throw new IllegalStateException(file + ": the header must list the roles " + ROLES);
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file + ": wrong number of cells in: " + line);
            }
            Map<String, Boolean> allowed = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                String cell = cells.get(3 + i);
                if (!cell.equals("allow") && !cell.equals("deny")) {
                    throw new IllegalStateException(file + ": '" + cell + "' is neither allow nor deny in: " + line);
                }
                allowed.put(ROLES.get(i), cell.equals("allow"));
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), allowed));
        }
        return rows;
    }
}
