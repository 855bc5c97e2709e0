package org.custodian.sar.calendar;

import java.time.LocalDate;

/** One bank holiday of one region; {@code substitute} when it is the weekday standing in for a weekend date. */
public record BankHoliday(Region region, LocalDate date, String name, boolean substitute) {}
