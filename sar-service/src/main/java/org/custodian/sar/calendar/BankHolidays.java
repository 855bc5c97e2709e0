package org.custodian.sar.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bank holidays of England and Wales, Scotland and Northern Ireland, shipped as data for
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR} (with its source in the file's header) and generated from
 * {@link BankHolidayRules} for any other year.
 */
public final class BankHolidays {

    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2030;
    public static final String RESOURCE = "/bank-holidays/uk-bank-holidays.csv";

    private final Map<Region, NavigableMap<LocalDate, BankHoliday>> shipped;
    private final String source;

    private BankHolidays(Map<Region, NavigableMap<LocalDate, BankHoliday>> shipped, String source) {
        this.shipped = shipped;
        this.source = source;
    }

    private static final class Shipped {
        static final BankHolidays INSTANCE = load();
    }

    /** The shipped data, read once. */
    public static BankHolidays shipped() {
        return Shipped.INSTANCE;
    }

    /** Where the shipped dates come from (the header of the data file). */
    public String source() {
        return source;
    }

    public HolidayCalendar calendar(Region region) {
        return date -> isBankHoliday(region, date);
    }

    public boolean isBankHoliday(Region region, LocalDate date) {
        if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
            return shipped.get(region).containsKey(date);
        }
        return BankHolidayRules.forYear(region, date.getYear()).stream()
                .anyMatch(h -> h.date().equals(date));
    }

    /** The holidays of a region between two dates, both included. */
    public List<BankHoliday> between(Region region, LocalDate from, LocalDate to) {
        List<BankHoliday> result = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            List<BankHoliday> ofYear = year >= FIRST_YEAR && year <= LAST_YEAR
                    ? List.copyOf(shipped.get(region)
                            .subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true)
                            .values())
                    : BankHolidayRules.forYear(region, year);
            ofYear.stream()
                    .filter(h -> !h.date().isBefore(from) && !h.date().isAfter(to))
                    .forEach(result::add);
        }
        return result;
    }

    static BankHolidays load() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BankHolidays parse(BufferedReader reader) throws IOException {
        Map<Region, NavigableMap<LocalDate, BankHoliday>> byRegion = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            byRegion.put(region, new TreeMap<>());
        }
        StringBuilder source = new StringBuilder();
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("#")) {
                source.append(source.isEmpty() ? "" : " ")
                        .append(line.substring(1).trim());
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (header) {
                header = false; // region,date,name,substitute
                continue;
            }
            String[] cells = line.split(",", 4);
            Region region = Region.valueOf(cells[0]);
            LocalDate date = LocalDate.parse(cells[1]);
            byRegion.get(region).put(date, new BankHoliday(region, date, cells[2], Boolean.parseBoolean(cells[3])));
        }
        return new BankHolidays(byRegion, source.toString());
    }
}
