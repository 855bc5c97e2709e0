package org.custodian.platform.calendar;

import java.time.LocalDate;

/** One bank holiday of a region; {@code substitute} when a weekend date moved to a weekday. */
public record BankHoliday(Region region, LocalDate date, String name, boolean substitute) {}
